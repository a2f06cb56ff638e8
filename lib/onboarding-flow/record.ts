import "server-only";
// Recording the onboarding flow's steps (issue 22 point 3). `recordFlowStep` is the one writer: the server records
// what it sees (the page rendered, tuples handed over and confirmed, syncs, LinkedIn's statuses) in the transaction
// of the change where there is one; the admin's browser claims only LinkedIn's script's outcome, through
// `recordScriptReport`, for a visit the server opened for that person and customer.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { FlowOutcome, FlowReason, FlowStepKind } from "@/lib/db/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { SafeError } from "@/lib/errors/safe-error";
import { hitRateLimit } from "@/lib/rate-limit/sliding-window";
import { flowStepRecorded } from "./extension";
import type { ScriptReport } from "./steps";

type Writer = Prisma.TransactionClient | typeof db;

export type FlowStepInput = {
  customerId: string;
  step: FlowStepKind;
  outcome: FlowOutcome;
  reason?: FlowReason | null;
  personId?: string | null;
  visitId?: string | null;
  at?: Date;
};

export type RecordedFlowStep = {
  id: string;
  customerId: string;
  personId: string | null;
  visitId: string | null;
  step: FlowStepKind;
  outcome: FlowOutcome;
  reason: FlowReason | null;
  at: Date;
};

/**
 * Records one step and answers it (null when the visit already has this step: a repeated claim writes nothing).
 * Pass the transaction of the change that is the step, so the step never claims what did not commit.
 */
export async function recordFlowStep(input: FlowStepInput, tx: Writer = db): Promise<RecordedFlowStep | null> {
  const data = {
    customerId: input.customerId,
    step: input.step,
    outcome: input.outcome,
    reason: input.outcome === "FAILED" ? (input.reason ?? null) : null,
    personId: input.personId ?? null,
    visitId: input.visitId ?? null,
    ...(input.at ? { at: input.at } : {}),
  };
  if (data.visitId) {
    // ON CONFLICT DO NOTHING: a unique violation would abort the caller's transaction.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "FlowStep" ("id", "customerId", "personId", "visitId", "step", "outcome", "reason", "at")
      VALUES (${randomUUID()}, ${data.customerId}, ${data.personId}, ${data.visitId}, ${data.step}::"FlowStepKind",
              ${data.outcome}::"FlowOutcome", ${data.reason}::"FlowReason", ${input.at ?? new Date()})
      ON CONFLICT ("visitId", "step") DO NOTHING
      RETURNING "id"`;
    const id = rows[0]?.id;
    if (!id) return null;
    const step = await tx.flowStep.findUniqueOrThrow({ where: { id } });
    await flowStepRecorded(step, tx);
    return step;
  }
  const step = await tx.flowStep.create({ data });
  await flowStepRecorded(step, tx);
  return step;
}

/** The page opened: a new visit of this admin, whose id the page hands to the browser for its script report. */
export async function openFlowVisit(actor: Actor, customerId: string): Promise<string> {
  const visitId = randomUUID();
  await recordFlowStep({ customerId, step: "PAGE_OPENED", outcome: "OK", personId: actor.userId, visitId });
  return visitId;
}

/** A person's script reports per window: generous for real visits, a bound on a script that loops. */
export const SCRIPT_REPORTS_PER_WINDOW = 30;
export const SCRIPT_REPORT_WINDOW_MS = 10 * 60_000;

/**
 * The admin's browser says how LinkedIn's script fared on a visit. A claim from the browser: it may only name a
 * visit the server opened for this same person and customer, a fixed outcome and reason, once per visit.
 */
export async function recordScriptReport(actor: Actor, report: ScriptReport): Promise<RecordedFlowStep | null> {
  const customerId = actor.customerId;
  if (actor.role !== "CUSTOMER_ADMIN" || !customerId)
    throw new SafeError("forbidden", "Only a customer's own admin can do this.", undefined, {
      notice: { key: "customerAdminOnly" },
    });
  const limit = await hitRateLimit(
    `onboarding-flow.script:${actor.userId}`,
    SCRIPT_REPORTS_PER_WINDOW,
    SCRIPT_REPORT_WINDOW_MS,
  );
  if (!limit.allowed) return null;
  const opened = await db.flowStep.findFirst({
    where: { visitId: report.visitId, step: "PAGE_OPENED", customerId, personId: actor.userId },
    select: { id: true },
  });
  if (!opened)
    throw new SafeError("not_found", "This visit of the page is not known any more. Reload the page.", undefined, {
      notice: { key: "visitUnknown" },
    });
  return recordFlowStep({
    customerId,
    step: "LINKEDIN_SCRIPT",
    outcome: report.outcome,
    reason: report.outcome === "FAILED" ? (report.reason ?? "SCRIPT_UNREACHABLE") : null,
    personId: actor.userId,
    visitId: report.visitId,
  });
}
