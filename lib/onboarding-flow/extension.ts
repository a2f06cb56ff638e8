import "server-only";
// What follows a recorded flow step (issue 22): when the admin's browser says LinkedIn's script failed, support gets
// a "widget cannot load" issue with the customer's remediation (lib/issues); it resolves itself once the admin
// authorizes in the widget (lib/integrations/store-confirmed.ts). Called inside the step's transaction, so the issue
// and its issue.opened event commit with the step or not at all.
import type { db } from "@/lib/db/client";
import type { FlowOutcome, FlowReason, FlowStepKind } from "@/lib/db/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { openIssue } from "@/lib/issues/lifecycle";

export type FlowStepRecord = {
  id: string;
  customerId: string;
  step: FlowStepKind;
  outcome: FlowOutcome;
  reason: FlowReason | null;
  at: Date;
};

/** Staff words for why the page could not show LinkedIn's panel (the console is English). */
const SCRIPT_FAILURES: Record<string, string> = {
  SCRIPT_UNREACHABLE: "the admin's browser could not fetch LinkedIn's script (network, an HTTP error or a blocker)",
  SCRIPT_BLOCKED_BY_POLICY: "the page's security policy blocked LinkedIn's script",
  SCRIPT_WITHOUT_PLATFORM: "LinkedIn's script loaded but did not start its platform",
  PLUGIN_DID_NOT_RENDER: "LinkedIn's script loaded but its panel drew nothing in time",
};

export async function flowStepRecorded(step: FlowStepRecord, tx: Prisma.TransactionClient | typeof db): Promise<void> {
  if (step.step !== "LINKEDIN_SCRIPT" || step.outcome !== "FAILED") return;
  const why = (step.reason && SCRIPT_FAILURES[step.reason]) ?? "LinkedIn's panel did not load";
  await openIssue(tx, {
    type: "WIDGET_CANNOT_LOAD",
    customerId: step.customerId,
    detail: `On the integrations page, ${why}.`,
    by: "system:flow",
  });
}
