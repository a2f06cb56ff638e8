// The event types Onramp sends to the vendor's ATS (issue 12), by webhook and through the feed. Pure and
// free of zod: the console's endpoint form (a client component) lists them.

export const EVENT_TYPES = [
  "integration.requested",
  "integration.status_changed",
  "integration.enabled",
  "integration.sync_failed",
  "customer.keys_refused",
  "customer.easy_apply_changed",
  "issue.opened",
  "issue.resolved",
  "linkedin.export_candidate_profile",
  "linkedin.push",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Sent only by "send a test event" to one endpoint; never in the feed. */
export const TEST_EVENT_TYPE = "webhook.test";

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  "integration.requested": "A customer admin authorized an integration in LinkedIn's widget (C7)",
  "integration.status_changed":
    "An integration's onboarding status moved forward (C18); data.enabled says whether it is now ENABLED",
  "integration.enabled": "An integration became ENABLED: the ATS may start sending data (also sent as status_changed)",
  "integration.sync_failed": "Sending an integration's name or configuration to LinkedIn failed for good (C14, C17)",
  "customer.keys_refused": "LinkedIn refused the customer's API key and secret (HTTP 401, C27)",
  "customer.easy_apply_changed":
    "A customer admin turned LinkedIn Easy Apply on or off for the account (L30); apply it to the customer's job postings",
  "issue.opened":
    "A problem that needs a person was opened, or came back after it was resolved (data.issue: type, first and last seen, occurrences)",
  "issue.resolved":
    "That problem was resolved: its cause cleared (data.issue.changedBy is system:…) or staff resolved it",
  "linkedin.export_candidate_profile":
    "A recruiter exported a candidate with One-Click Export (EXPORT_CANDIDATE_PROFILE push, L18)",
  "linkedin.push": "Any other LinkedIn push Onramp does not act on itself (C22), relayed as received",
};

/** LinkedIn push type → the event that relays it. */
export function relayTypeOf(linkedinType: string): EventType {
  return linkedinType === "EXPORT_CANDIDATE_PROFILE" ? EXPORT_RELAY_TYPE : "linkedin.push";
}

/** The event an EXPORT_CANDIDATE_PROFILE push becomes (L18). */
export const EXPORT_RELAY_TYPE = "linkedin.export_candidate_profile";
