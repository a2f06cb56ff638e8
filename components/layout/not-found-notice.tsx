import { getTranslations } from "next-intl/server";

// What a page that does not exist (or that this account can not see) shows: the same words everywhere, with a link
// home that suits where the person is (issue 21, point 1), in the page's language (issue 25). A plain anchor: this
// notice belongs to the root layout's tree, so next/link here would ship its client code (~3.5 kB gzipped) on every
// page, the customer admin's included (their first-load budget, issue 25).
export async function NotFoundNotice({ home, homeLabel }: { home: string; homeLabel: string }) {
  const t = await getTranslations("NotFound");
  return (
    <div className="mx-auto max-w-lg px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <a href={home} className="mt-6 inline-block text-blue-800 underline">
        {homeLabel}
      </a>
    </div>
  );
}
