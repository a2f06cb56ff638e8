import "server-only";
// The extension point after a flow step is recorded (issue 22): points 1 and 2 (issues with a lifecycle) open an
// issue with its remediation when LinkedIn's script failed for a customer, from here. Called inside the step's
// transaction. Until then it does nothing.
import type { Prisma } from "@/lib/db/generated/client";
import type { db } from "@/lib/db/client";
import type { FlowOutcome, FlowReason, FlowStepKind } from "@/lib/db/enums";

export type FlowStepRecord = {
  id: string;
  customerId: string;
  step: FlowStepKind;
  outcome: FlowOutcome;
  reason: FlowReason | null;
  at: Date;
};

export async function flowStepRecorded(
  _step: FlowStepRecord,
  _tx: Prisma.TransactionClient | typeof db,
): Promise<void> {}
