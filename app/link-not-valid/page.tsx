import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { brandedTitle } from "@/lib/branding/page-title";
import { LinkPage } from "@/components/auth/link-page";
import { linkPageContext } from "@/lib/i18n/link-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await brandedTitle((await getTranslations("LinkNotValid"))("title")), referrer: "no-referrer" };
}

// Where the proxy sends a path whose percent-escapes do not decode (issue 11 item 7): an invitation, sign-in or
// unsubscribe link cut or mangled in transit. No customer can be told from it: the vendor's look, the browser's
// language (issue 25).
export default async function LinkNotValidPage() {
  const page = await linkPageContext(null);
  const t = await getTranslations({ locale: page.locale, namespace: "LinkNotValid" });
  return (
    <LinkPage {...page}>
      <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
        <p>{t("body")}</p>
        <Link href="/sign-in" className="mt-2 inline-block text-blue-800 underline">
          {t("goToSignIn")}
        </Link>
      </div>
    </LinkPage>
  );
}
