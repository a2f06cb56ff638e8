import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Link not valid", referrer: "no-referrer" };

// Where the proxy sends a path whose percent-escapes do not decode (issue 11 item 7): an invitation, sign-in or
// unsubscribe link cut or mangled in transit.
export default function LinkNotValidPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="mb-4 text-2xl font-semibold">Onramp</h1>
      <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
        <p>
          This link is not valid: part of it was lost or changed on the way. Open it again from the email or your ATS,
          or ask for a new one.
        </p>
        <Link href="/sign-in" className="mt-2 inline-block text-blue-800 underline">
          Go to sign in
        </Link>
      </div>
    </main>
  );
}
