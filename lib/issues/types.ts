// The kinds and states of a support issue (issue 22 point 1). Pure: the console's client pieces read the labels.
import type { SupportIssueState, SupportIssueType } from "@/lib/db/enums";

export type { SupportIssueState, SupportIssueType };

export const SUPPORT_ISSUE_TYPES = [
  "KEYS_REFUSED",
  "SYNC_FAILING",
  "NOTIFICATION_FAILED",
  "WIDGET_CANNOT_LOAD",
  "STUCK_AT_STATUS",
  "UNKNOWN_TYPE",
  "SECRET_DUE",
  "NO_RECENT_CALL",
  "WEBHOOK_FAILING",
] as const satisfies readonly SupportIssueType[];

/** Staff words for each type (the console is English; the customer's words are in the catalogues, Issue.*). */
export const ISSUE_TYPE_LABELS: Record<SupportIssueType, string> = {
  KEYS_REFUSED: "Keys refused",
  SYNC_FAILING: "Sync failing",
  NOTIFICATION_FAILED: "Notification failed",
  WIDGET_CANNOT_LOAD: "Widget cannot load",
  STUCK_AT_STATUS: "Stuck at a status",
  UNKNOWN_TYPE: "Unknown integration type",
  SECRET_DUE: "Secret due for rotation",
  NO_RECENT_CALL: "No successful call lately",
  WEBHOOK_FAILING: "Webhook endpoint failing",
};

/** Types whose fix is in the customer's hands: support can email the remediation to their admins. */
export const CUSTOMER_FIXABLE: ReadonlySet<SupportIssueType> = new Set<SupportIssueType>([
  "KEYS_REFUSED",
  "WIDGET_CANNOT_LOAD",
  "STUCK_AT_STATUS",
  "SECRET_DUE",
  "NO_RECENT_CALL",
  "SYNC_FAILING",
]);

/** What an issue is about, as its unique key's second half (prisma/schema.prisma, SupportIssue.subjectKey). */
export type IssueSubject = {
  customerId?: string | null;
  integrationId?: string | null;
  webhookEndpointId?: string | null;
};

export function subjectKeyOf(s: IssueSubject): string {
  if (s.integrationId) return `integration:${s.integrationId}`;
  if (s.webhookEndpointId) return `endpoint:${s.webhookEndpointId}`;
  if (s.customerId) return `customer:${s.customerId}`;
  throw new Error("an issue needs a customer, an integration or a webhook endpoint");
}
