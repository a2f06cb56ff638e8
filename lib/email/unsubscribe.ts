import "server-only";
// One-click unsubscribe (RFC 8058) without signing in: the link's key names one email; using it opts
// that email's address out of that email's category (nudges, digest, invitations). GET shows a page
// with one button (link scanners must not unsubscribe anyone); POST unsubscribes.
import type { EmailCategory } from "@/lib/db/enums";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { TEMPLATE_CATEGORY } from "./outbox";

/** The footer's link: a page with one button (no sign-in). */
export function unsubscribePageUrl(key: string): string {
  return `${env().PUBLIC_URL}/unsubscribe/${encodeURIComponent(key)}`;
}

/** The List-Unsubscribe header's URL: mail clients POST "List-Unsubscribe=One-Click" to it (RFC 8058). */
export function oneClickUnsubscribeUrl(key: string): string {
  return `${env().PUBLIC_URL}/api/email/unsubscribe/${encodeURIComponent(key)}`;
}

export const CATEGORY_LABELS: Record<EmailCategory, string> = {
  NUDGES: "reminders about integrations waiting for you",
  DIGEST: "the daily support digest",
  INVITATIONS: "invitations",
};

export type UnsubscribeView = { address: string; category: EmailCategory; label: string; optedOut: boolean };

async function byKey(key: string) {
  const email = await db.email.findUnique({
    where: { unsubscribeKey: key },
    select: { toAddress: true, template: true },
  });
  if (!email)
    throw new SafeError("not_found", "This unsubscribe link is not valid. Use the link in a more recent email.");
  return { address: email.toAddress, category: TEMPLATE_CATEGORY[email.template] };
}

export async function viewUnsubscribe(key: string): Promise<UnsubscribeView> {
  const { address, category } = await byKey(key);
  const optOut = await db.emailOptOut.findUnique({ where: { email_category: { email: address, category } } });
  return { address, category, label: CATEGORY_LABELS[category], optedOut: Boolean(optOut) };
}

/** Opts out (or back in); idempotent. */
export async function setUnsubscribed(key: string, unsubscribed: boolean): Promise<UnsubscribeView> {
  const { address, category } = await byKey(key);
  if (unsubscribed) {
    await db.emailOptOut.upsert({
      where: { email_category: { email: address, category } },
      create: { email: address, category },
      update: {},
    });
  } else {
    await db.emailOptOut.deleteMany({ where: { email: address, category } });
  }
  return { address, category, label: CATEGORY_LABELS[category], optedOut: unsubscribed };
}
