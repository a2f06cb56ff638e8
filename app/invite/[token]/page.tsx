import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { decodePathSegment } from "@/lib/links/path-segment";
import { viewInvitation } from "@/lib/people/invitations";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

const REFUSED: Record<string, string> = {
  unknown: "This invitation link is not valid. Check that you copied all of it, or ask your operator for a new one.",
  used: "This invitation has already been used. Sign in with the password you chose.",
  revoked: "This invitation was withdrawn. Ask your operator for a new one.",
  expired: "This invitation has expired. Ask your operator for a new one.",
};

// Public: the token in the link is the credential (single use, expiring; only its hash is stored).
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodePathSegment((await params).token);
  const view = token === null ? { state: "unknown" as const } : await viewInvitation(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="mb-1 text-2xl font-semibold">Welcome to Onramp</h1>
      {token !== null && view.state === "valid" && view.email && view.role ? (
        <>
          <p className="mb-6 text-sm text-slate-600">
            You are invited as {ROLE_LABELS[view.role].toLowerCase()}
            {view.customerName ? ` of ${view.customerName}` : ""}. Choose a password to finish.
          </p>
          <AcceptInvitationForm action={acceptInvitationAction} token={token} email={view.email} />
        </>
      ) : (
        <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
          <p>{REFUSED[view.state]}</p>
          <Link href="/sign-in" className="mt-2 inline-block text-blue-800 underline">
            Go to sign in
          </Link>
        </div>
      )}
    </main>
  );
}
