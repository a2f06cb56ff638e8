// The onboarding flow's vocabulary (issue 22 point 3), zod-free and database-free so the customer admin's page and
// the console can both import it. The order is the order of FlowStepKind in prisma/schema.prisma.
import type { FlowOutcome, FlowReason, FlowStepKind } from "@/lib/db/enums";

export const FLOW_STEPS = [
  "PAGE_OPENED",
  "LINKEDIN_SCRIPT",
  "BUNDLE_AUTHORIZED",
  "TUPLES_CONFIRMED",
  "NAMES_AND_SETTINGS_SENT",
  "WAITING_ON_CUSTOMER",
  "ENABLED",
] as const satisfies readonly FlowStepKind[];

/** Support's words for each step (staff pages are English). */
export const FLOW_STEP_LABEL: Record<FlowStepKind, string> = {
  PAGE_OPENED: "Page opened",
  LINKEDIN_SCRIPT: "LinkedIn's script",
  BUNDLE_AUTHORIZED: "Bundle authorized",
  TUPLES_CONFIRMED: "Tuples confirmed by LinkedIn",
  NAMES_AND_SETTINGS_SENT: "Names and settings sent",
  WAITING_ON_CUSTOMER: "Waiting on the customer in LinkedIn",
  ENABLED: "Enabled",
};

export const FLOW_REASON_LABEL: Record<FlowReason, string> = {
  SCRIPT_UNREACHABLE: "the browser could not load the script (network, an HTTP error or a blocker)",
  SCRIPT_BLOCKED_BY_POLICY: "the page's security policy blocked the script",
  SCRIPT_WITHOUT_PLATFORM: "the script loaded but did not start LinkedIn's platform",
  PLUGIN_DID_NOT_RENDER: "the script loaded but LinkedIn's plugin drew nothing in time",
  TUPLES_REFUSED: "LinkedIn holds none of the authorized integrations for this customer",
  SYNC_FAILED: "a name or settings sync failed in a way retrying can not fix",
};

export const FLOW_REASONS = Object.keys(FLOW_REASON_LABEL) as FlowReason[];

/** What the admin's browser may claim about LinkedIn's script: its outcome and, when it failed, why. */
export const SCRIPT_FAILURE_REASONS = [
  "SCRIPT_UNREACHABLE",
  "SCRIPT_BLOCKED_BY_POLICY",
  "SCRIPT_WITHOUT_PLATFORM",
  "PLUGIN_DID_NOT_RENDER",
] as const satisfies readonly FlowReason[];
export type ScriptFailureReason = (typeof SCRIPT_FAILURE_REASONS)[number];

export type ScriptReport = { visitId: string; outcome: FlowOutcome; reason?: ScriptFailureReason };

export function flowStepText(step: FlowStepKind, outcome: FlowOutcome, reason: FlowReason | null): string {
  const base = FLOW_STEP_LABEL[step];
  if (outcome === "OK") return base;
  return reason ? `${base}: failed — ${FLOW_REASON_LABEL[reason]}` : `${base}: failed`;
}
