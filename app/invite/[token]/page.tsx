import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { LinkPage } from "@/components/auth/link-page";
import { brandedTitle } from "@/lib/branding/page-title";
import { linkPageContext } from "@/lib/i18n/link-page";
import { decodePathSegment } from "@/lib/links/path-segment";
import { viewInvitation } from "@/lib/people/invitations";
import { acceptInvitationAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await brandedTitle((await getTranslations("Invite"))("title")), referrer: "no-referrer" };
}

// Public: the token in the link is the credential (single use, expiring; only its hash is stored). In the
// invitation's customer's language and look (issue 25); staff invitations have no customer, hence the browser's.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodePathSegment((await params).token);
  const view = token === null ? { state: "unknown" as const } : await viewInvitation(token);
  const page = await linkPageContext(view.customerId ?? null);
  const [t, roles] = await Promise.all([
    getTranslations({ locale: page.locale, namespace: "Invite" }),
    getTranslations({ locale: page.locale, namespace: "Roles" }),
  ]);
  return (
    <LinkPage {...page}>
      <h1 className="mb-1 text-2xl font-semibold">{t("heading")}</h1>
      {token !== null && view.state === "valid" && view.email && view.role ? (
        <>
          <p className="mb-6 text-sm text-slate-600">
            {t("invited", {
              role: roles(view.role),
              hasCustomer: view.customerName ? "yes" : "no",
              customer: view.customerName ?? "",
            })}
          </p>
          <AcceptInvitationForm action={acceptInvitationAction} token={token} email={view.email} />
        </>
      ) : (
        <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
          <p>{t(view.state === "valid" ? "unknown" : view.state)}</p>
          <Link href="/sign-in" className="mt-2 inline-block text-blue-800 underline">
            {t("goToSignIn")}
          </Link>
        </div>
      )}
    </LinkPage>
  );
}
