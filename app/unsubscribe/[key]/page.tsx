import type { Metadata } from "next";
import { viewUnsubscribe } from "@/lib/email/unsubscribe";
import { unsubscribeKeySchema } from "@/lib/email/unsubscribe-schemas";
import { toSafeError } from "@/lib/errors/respond";
import { decodePathSegment } from "@/lib/links/path-segment";

export const metadata: Metadata = { title: "Email preferences", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// Public: the key in the link can only opt its own address out of (or back into) one kind of email.
// The page never unsubscribes by itself (link scanners open links); its button posts to the route.
export default async function UnsubscribePage({ params }: { params: Promise<{ key: string }> }) {
  const parsed = unsubscribeKeySchema.safeParse(decodePathSegment((await params).key));
  const view = parsed.success ? await viewUnsubscribe(parsed.data).catch((e: unknown) => toSafeError(e)) : null;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="mb-4 text-2xl font-semibold">Email preferences</h1>
      {!parsed.success || !view || view instanceof Error ? (
        <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
          {view instanceof Error
            ? view.message
            : "This unsubscribe link is not valid. Use the link in a more recent email."}
        </p>
      ) : (
        <form method="post" action={`/api/email/unsubscribe/${encodeURIComponent(parsed.data)}`} className="space-y-4">
          <p role="status" className="text-sm">
            {view.optedOut ? `${view.address} no longer gets ${view.label}.` : `${view.address} gets ${view.label}.`}
          </p>
          <input type="hidden" name="choice" value={view.optedOut ? "resubscribe" : "unsubscribe"} />
          <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white">
            {view.optedOut ? "Subscribe again" : "Unsubscribe"}
          </button>
        </form>
      )}
    </main>
  );
}
