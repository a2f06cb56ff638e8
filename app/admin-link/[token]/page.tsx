import type { Metadata } from "next";
import { AdminLinkSignIn } from "@/components/auth/admin-link-sign-in";
import { ADMIN_LINK_MESSAGES, adminLinkState } from "@/lib/admin-links/links";

export const metadata: Metadata = { title: "Signing in", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// Public: the token in the link is the credential (single use, minutes; only its hash is stored).
export default async function AdminLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const state = await adminLinkState(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="mb-4 text-2xl font-semibold">Onramp</h1>
      {state === "valid" ? (
        <AdminLinkSignIn token={token} refusedMessage={ADMIN_LINK_MESSAGES.used} />
      ) : (
        <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
          <p>{ADMIN_LINK_MESSAGES[state]}</p>
        </div>
      )}
    </main>
  );
}
