// Whether a customer's LinkedIn keys work, in words (C27). Shows no part of the secret: support sees
// this too.
import type { ApplicationSummary } from "@/lib/customers/queries";

export function keyStatusOf(app: ApplicationSummary | null): { label: string; tone: "ok" | "bad" | "neutral" } {
  if (!app) return { label: "No keys yet", tone: "neutral" };
  if (app.lastAuthError) return { label: "Keys refused by LinkedIn", tone: "bad" };
  if (app.lastVerifiedAt) return { label: "Keys work", tone: "ok" };
  return { label: "Keys not checked yet", tone: "neutral" };
}

export function OperatorKeyStatus({ application }: { application: ApplicationSummary | null }) {
  const s = keyStatusOf(application);
  const tone =
    s.tone === "ok"
      ? "bg-green-50 text-green-900 border-green-200"
      : s.tone === "bad"
        ? "bg-red-50 text-red-900 border-red-200"
        : "bg-slate-50 text-slate-700 border-slate-200";
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs ${tone}`}>{s.label}</span>;
}
