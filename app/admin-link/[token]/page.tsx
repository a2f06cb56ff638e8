import type { Metadata } from "next";
import { AdminLinkSignIn } from "@/components/auth/admin-link-sign-in";
import { ADMIN_LINK_MESSAGES, adminLinkState } from "@/lib/admin-links/links";
import { decodePathSegment } from "@/lib/links/path-segment";

export const metadata: Metadata = { title: "Signing in", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// Public: the token in the link is the credential (single use, minutes; only its hash is stored).
export default async function AdminLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodePathSegment((await params).token);
  const link = token === null ? { state: "unknown" as const } : { state: await adminLinkState(token), token };
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="mb-4 text-2xl font-semibold">Onramp</h1>
      {link.state === "valid" ? (
        <AdminLinkSignIn token={link.token} refusedMessage={ADMIN_LINK_MESSAGES.refused} />
      ) : (
        <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
          <p>{ADMIN_LINK_MESSAGES[link.state]}</p>
        </div>
      )}
    </main>
  );
}
