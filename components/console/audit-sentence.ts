// The audit log in sentences (issue #13): "admin@acme.test authorized 2 integrations: ONE_CLICK_EXPORT,
// IN_ATS_INDICATOR." The raw entry (action, target, details) stays one click away on the page. Pure.
import { humanize } from "@/lib/status/vocabulary";

export type AuditEntry = {
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  customerName: string | null;
  details: unknown;
};

type Details = Record<string, unknown>;

function asDetails(value: unknown): Details {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Details) : {};
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : typeof value === "number" ? String(value) : null;
}

function kindWords(value: unknown): string {
  const kind = text(value);
  return kind ? `${humanize(kind).toLowerCase()} ` : "";
}

/** What each action did, after the actor's name; an action not listed reads from its code. */
const PHRASES: Record<string, (d: Details) => string> = {
  "integration.authorized": (d) => {
    const types = list(d.tuples)
      .map((t) => text(asDetails(t).integrationType))
      .filter((t): t is string => t !== null);
    return `authorized ${plural(types.length, "integration")}${types.length ? `: ${types.join(", ")}` : ""}`;
  },
  "integration.renamed": (d) => (text(d.to) ? `renamed an integration to “${text(d.to)}”` : "renamed an integration"),
  "integration.configuration_edited": () => "changed an integration's settings",
  "integration.recheck_requested": () => "asked LinkedIn for an integration's status",
  "integrations.exported": () => "exported the integration list",
  "job.retried": (d) => `retried a failed ${kindWords(d.kind)}job`,
  "notification.retried": () => "retried a failed notification",
  "notification.replayed": () => "replayed a notification",
  "anomaly.resolved": (d) =>
    `resolved ${text(d.kind) ? `an anomaly (${humanize(String(d.kind)).toLowerCase()})` : "an anomaly"}`,
  "status.poll_requested": () => "asked for a status poll",
  "customer.created": () => "created the customer",
  "customer.updated": () => "changed the customer's details",
  "customer.default_locale": (d) =>
    text(d.to) ? `set the admins' default language to ${text(d.to)}` : "let each admin's browser choose the language",
  "branding.customer_updated": () => "changed the customer's look",
  "branding.vendor_updated": () => "changed the vendor's look",
  "customer.email_nudges": (d) => `turned nudge emails ${d.on === true ? "on" : "off"}`,
  "customer.application_provisioned": () => "provisioned the LinkedIn application",
  "customer.provisioning_requested": () => "asked LinkedIn to provision an application",
  "customer.application_keys_refused": () => "entered keys LinkedIn refused",
  "customer.callback_key_rotated": () => "rotated the callback key",
  "customer.access_controls_changed": () => "changed the access-controls setting",
  "customer.configurations_resynced": () => "re-sent the settings to LinkedIn",
  "customer.secret_rotated": () => "rotated the application secret",
  "customer.secret_rotation_refused": () => "tried to rotate the secret; LinkedIn refused",
  "customer.previous_secret_retired": () => "retired the previous secret",
  "customer.js_sdk_domains_updated": () => "updated the application's JavaScript SDK domains",
  "customer.js_sdk_domains_refused": () => "tried to update the JavaScript SDK domains; LinkedIn refused",
  "customers.key_import_started": (d) =>
    typeof d.rows === "number" ? `started a key import of ${plural(d.rows, "row")}` : "started a key import",
  "email.resent": () => "resent an email",
  "invitation.created": () => "sent an invitation",
  "invitation.revoked": () => "withdrew an invitation",
  "invitation.accepted": () => "accepted an invitation",
  "user.disabled": (d) => `disabled the account ${text(d.email) ?? ""}`.trim(),
  "user.enabled": (d) => `enabled the account ${text(d.email) ?? ""}`.trim(),
  "api_token.created": () => "created an API token",
  "api_token.revoked": () => "revoked an API token",
  "linkedin_token.read": () => "read the customer's LinkedIn access token through the API",
  "admin_link.created": () => "created a sign-in link",
  "admin_link.refused": (d) =>
    text(d.refusal) === "disabled"
      ? "refused a sign-in link: the person's account is disabled"
      : "refused a sign-in link: its email belongs to another Onramp account",
  "setting.updated": (d) => (text(d.key) ? `changed the setting ${text(d.key)}` : "changed a setting"),
  "configuration_key.created": () => "added a configuration key",
  "configuration_key.updated": () => "changed a configuration key",
  "configuration_key.deleted": () => "deleted a configuration key",
  "webhook.created": () => "added a webhook endpoint",
  "webhook.updated": () => "changed a webhook endpoint",
  "webhook.deleted": () => "deleted a webhook endpoint",
  "webhook.secret_rotated": () => "rotated a webhook endpoint's secret",
  "webhook.test_sent": () => "sent a test event to a webhook endpoint",
  "webhook.replayed": () => "replayed events to a webhook endpoint",
  "issue.snoozed": (d) => `snoozed an issue${text(d.until) ? ` until ${text(d.until)?.slice(0, 10)}` : ""}`,
  "issue.resolved": () => "resolved an issue",
  "issue.reopened": () => "reopened an issue",
  "issue.emailed": (d) => `emailed an issue's steps to ${plural(Number(d.recipients ?? 0), "customer admin")}`,
};

export function auditSentence(entry: AuditEntry, { withCustomer = true }: { withCustomer?: boolean } = {}): string {
  const phrase = PHRASES[entry.action]?.(asDetails(entry.details)) ?? `did ${entry.action.replace(/[._]/g, " ")}`;
  const customer = withCustomer && entry.customerName ? ` (${entry.customerName})` : "";
  return `${entry.actorLabel} ${phrase}${customer}.`;
}
