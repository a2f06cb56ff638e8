import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { BrandMark } from "@/components/layout/brand-mark";
import { currentActor } from "@/lib/auth/actor";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { homePathFor } from "@/lib/auth/roles";
import { staffSignInOptions } from "@/lib/auth/staff-oidc-provider";
import { brandingFor } from "@/lib/branding/branding";
import { brandedTitle } from "@/lib/branding/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await brandedTitle((await getTranslations("SignIn"))("title")) };
}

// In the browser's language and the vendor's look (issue 25): nobody is known yet, so no customer's.
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const actor = await currentActor();
  if (actor) redirect(safeCallbackPath(callbackUrl) ?? homePathFor(actor.role));
  const [t, shell, brand] = await Promise.all([getTranslations("SignIn"), getTranslations("Shell"), brandingFor(null)]);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <div className="mb-4">
        <BrandMark brand={brand} logoAlt={shell("logo", { name: brand.displayName })} />
      </div>
      <h1 className="mb-1 text-2xl font-semibold">{t("heading")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("tagline")}</p>
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} initialError={error} staff={staffSignInOptions()} />
    </main>
  );
}
