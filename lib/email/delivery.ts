import "server-only";
// Sending the outbox (issue 14). Each sweep claims due rows with FOR UPDATE SKIP LOCKED (several
// instances share the work), records the attempt BEFORE talking to SMTP (attempts + 1, SENDING, a
// lease), then sends and records the SMTP answer.
//
// What "never twice" means with SMTP: the unique (cause, recipient, template) key makes one email per
// cause, and a retry after a refused or failed attempt sends that same email again only because the
// server did not accept it. The one window SMTP can not close is a worker killed after the server said
// 250 and before the row says SENT: after the lease ends the sweep sends it again, with the SAME
// Message-ID, so the receiving system and mail clients can recognise the duplicate. A worker killed
// before that (mid-connection, mid-DATA) loses nothing and sends nothing twice.
import type { Email } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";
import { logger } from "@/lib/log/logger";
import { endedAccessSuppression } from "./ended-access";
import { TEMPLATE_CATEGORY } from "./outbox";
import { readerFrame } from "./reader-frame";
import { renderEmail } from "./templates/render";
import { sender, smtpTransport } from "./transport";
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from "./unsubscribe";
import { invitationLinkContext } from "./invitation-link";

export type ClaimedEmail = Email;

/** Claims up to `limit` due emails for one attempt each; the attempt is committed before any SMTP. */
export async function claimDueEmails(limit = 20): Promise<ClaimedEmail[]> {
  const lease = env().EMAIL_SEND_LEASE_SECONDS;
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Email" SET "status" = 'SENDING', "attempts" = "attempts" + 1,
      "claimedUntil" = now() + make_interval(secs => ${lease}), "updatedAt" = now()
    WHERE "id" IN (
      SELECT "id" FROM "Email"
      WHERE ("status" = 'QUEUED' AND "nextAttemptAt" <= now()) OR ("status" = 'SENDING' AND "claimedUntil" <= now())
      ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  if (rows.length === 0) return [];
  return db.email.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { nextAttemptAt: "asc" } });
}

type Outcome = "SENT" | "SUPPRESSED" | "RETRY" | "FAILED";

/** Why this email must not go out now (access ended, an opt-out, nudges off), or null. */
async function suppression(email: ClaimedEmail): Promise<string | null> {
  const ended = await endedAccessSuppression(email);
  if (ended) return ended;
  const category = TEMPLATE_CATEGORY[email.template];
  const optOut = await db.emailOptOut.findUnique({ where: { email_category: { email: email.toAddress, category } } });
  if (optOut) return `Not sent: ${email.toAddress} unsubscribed from ${category.toLowerCase()} emails.`;
  if (category === "NUDGES" && email.customerId) {
    const customer = await db.customer.findUnique({ where: { id: email.customerId }, select: { emailNudges: true } });
    if (customer && !customer.emailNudges) return "Not sent: nudge emails are switched off for this customer.";
  }
  return null;
}

/** One attempt at one claimed email; records the outcome only if this claim still holds the row. */
export async function sendClaimedEmail(email: ClaimedEmail): Promise<Outcome> {
  const log = logger().child({ emailId: email.id, template: email.template });
  const suppressed = await suppression(email);
  if (suppressed) {
    await finish(email, { status: "SUPPRESSED", lastError: suppressed });
    return "SUPPRESSED";
  }
  const transport = smtpTransport();
  if (!transport) {
    await retryLater(email, "SMTP_URL is not set: the email waits until a mail server is configured.");
    return "RETRY";
  }
  try {
    const link = email.secretEnvelope ? decryptSecret(email.secretEnvelope, invitationLinkContext(email.data)) : null;
    const frame = await readerFrame(email, unsubscribePageUrl(email.unsubscribeKey));
    const rendered = await renderEmail(email.template, email.data, frame, link);
    const info = await transport.sendMail({
      from: sender(),
      to: email.toAddress,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      messageId: email.messageId,
      // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the URL.
      list: { unsubscribe: { url: oneClickUnsubscribeUrl(email.unsubscribeKey), comment: "Unsubscribe" } },
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    await finish(email, {
      status: "SENT",
      subject: rendered.subject,
      smtpResponse: String(info.response ?? ""),
      sentAt: new Date(),
      lastError: null,
    });
    log.info({ attempts: email.attempts }, "email sent");
    return "SENT";
  } catch (err) {
    const code = typeof err === "object" && err && "responseCode" in err ? Number(err.responseCode) : NaN;
    const answer = typeof err === "object" && err && "response" in err ? String(err.response) : null;
    const message = err instanceof Error ? err.message : String(err);
    log.warn({ attempts: email.attempts, code, message }, "email attempt failed");
    // 5xx is the server's permanent refusal (RFC 5321 4.2.1): retrying the same message can not help.
    if ((code >= 500 && code < 600) || email.attempts >= env().EMAIL_MAX_ATTEMPTS) {
      await finish(email, { status: "FAILED", smtpResponse: answer, lastError: `Not delivered: ${message}` });
      return "FAILED";
    }
    await retryLater(email, `Attempt ${email.attempts} failed: ${message}`, answer);
    return "RETRY";
  }
}

async function finish(email: ClaimedEmail, data: Parameters<typeof db.email.updateMany>[0]["data"]): Promise<void> {
  // Fenced by the attempt number: a worker whose lease ran out and whose row was claimed again
  // does not overwrite the newer attempt's record.
  await db.email.updateMany({
    where: { id: email.id, status: "SENDING", attempts: email.attempts },
    data: { ...data, claimedUntil: null },
  });
}

async function retryLater(email: ClaimedEmail, message: string, answer: string | null = null): Promise<void> {
  const delaySeconds = env().EMAIL_RETRY_BASE_SECONDS * 2 ** Math.max(0, email.attempts - 1);
  await db.$executeRaw`
    UPDATE "Email" SET "status" = 'QUEUED', "claimedUntil" = NULL, "lastError" = ${message}, "smtpResponse" = ${answer},
      "nextAttemptAt" = now() + make_interval(secs => ${delaySeconds}), "updatedAt" = now()
    WHERE "id" = ${email.id} AND "status" = 'SENDING' AND "attempts" = ${email.attempts}`;
}

/** One sweep: claim what is due and send it. Returns how many were claimed. */
export async function deliverDueEmails(limit = 20): Promise<number> {
  const claimed = await claimDueEmails(limit);
  for (const email of claimed) metrics().emailAttempts.inc({ outcome: (await sendClaimedEmail(email)).toLowerCase() });
  return claimed.length;
}
