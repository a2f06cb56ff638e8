import "server-only";
// The SMTP path: nodemailer over SMTP_URL (any SMTP server; the demo's local catcher in the demo).
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

const globalForTransport = globalThis;

/** null when SMTP_URL is empty: emails then stay queued, visible to support, until it is set. */
export function smtpTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (globalForTransport.onrampSmtp?.url !== url) {
    const transport = nodemailer.createTransport(url, {
      // Bounded waits: an attempt ends well inside EMAIL_SEND_LEASE_SECONDS.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    globalForTransport.onrampSmtp = { url, transport };
  }
  return globalForTransport.onrampSmtp.transport;
}

/** The sender: the vendor's name over EMAIL_FROM. */
export function sender(): { name: string; address: string } {
  return { name: env().LINKEDIN_VENDOR_NAME, address: env().EMAIL_FROM };
}
