import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { brandedTitle } from "@/lib/branding/page-title";
import { AdminLinkSignIn } from "@/components/auth/admin-link-sign-in";
import { LinkPage } from "@/components/auth/link-page";
import { adminLinkCustomerId, adminLinkState } from "@/lib/admin-links/links";
import { linkPageContext } from "@/lib/i18n/link-page";
import { decodePathSegment } from "@/lib/links/path-segment";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await brandedTitle((await getTranslations("AdminLink"))("title")), referrer: "no-referrer" };
}

// Public: the token in the link is the credential (single use, minutes; only its hash is stored). In the link's
// customer's language and look (issue 25).
export default async function AdminLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodePathSegment((await params).token);
  const [state, customerId] =
    token === null
      ? (["unknown", null] as const)
      : await Promise.all([adminLinkState(token), adminLinkCustomerId(token)]);
  const page = await linkPageContext(customerId);
  const t = await getTranslations({ locale: page.locale, namespace: "AdminLink" });
  return (
    <LinkPage {...page}>
      {token !== null && state === "valid" ? (
        <AdminLinkSignIn token={token} />
      ) : (
        <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
          <p>{t(state)}</p>
        </div>
      )}
    </LinkPage>
  );
}
