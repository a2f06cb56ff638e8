import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor } from "@/lib/auth/actor";
import { homePathFor } from "@/lib/auth/roles";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const actor = await currentActor();
  if (actor) redirect(safeCallbackPath(callbackUrl) ?? homePathFor(actor.role));
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Onramp</h1>
      <p className="mb-6 text-sm text-slate-600">LinkedIn integrations for your applicant tracking system.</p>
      <SignInForm
        callbackUrl={safeCallbackPath(callbackUrl)}
        initialError={error ? signInErrorMessage(error) : undefined}
      />
    </main>
  );
}
