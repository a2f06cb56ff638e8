import "server-only";
// A secret roll (L7) that is never only in memory (issue 20 item 7). LinkedIn generates the new secret, so it can not
// be written ahead of the call; the roll is: marked in flight (secretRollStartedAt) BEFORE LinkedIn is asked; LinkedIn's
// answer stored encrypted (pendingSecretEnc) in its own transaction before anything else happens; then promoted to
// current in the commit that ends the roll. A process that dies anywhere leaves one of:
// - no marker: LinkedIn was not asked, or the roll was committed;
// - a stored answer: the next rotation or the reconcile pass's sweep settles it with a token request (L1): the stored
//   secret works → it becomes current; it does not but the current one does → it is dropped; else support sees why;
// - a marker without an answer: LinkedIn may hold a secret Onramp does not. L5's look-up returns no secret and both
//   secrets stay valid (L7), so nothing automatic can tell; support sees it with the steps (lib/support/secret-rolls.ts).
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import { decryptSecret, encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import {
  customerAppPendingSecretContext,
  customerAppPreviousSecretContext,
  customerAppSecretContext,
  ENDPOINTS,
  isLinkedInError,
  verifyApplicationCredentials,
} from "@/lib/linkedin";

/** A stored answer the rotating process has not promoted within this is the sweep's to settle (it promotes at once). */
export const ANSWERED_ROLL_SETTLE_MS = 60_000;
/**
 * A roll still unanswered after this is given up on: support sees it, and an operator may roll again. Longer than the
 * slowest roll (the parent token's attempts, then one roll attempt of at most 30 s: lib/linkedin/http.ts).
 */
export const UNANSWERED_ROLL_WINDOW_MS = 10 * 60_000;

/** What to do when LinkedIn may hold a secret Onramp lost (a roll whose answer was never stored). */
export function lostRollSteps(clientId: string): string {
  return (
    "If LinkedIn refuses because the application already has two secrets, it holds the one Onramp lost: in LinkedIn's " +
    `developer portal open the application with API key ${clientId}, Auth tab, delete the newer client secret (keep ` +
    "the one ending in the characters shown on the customer's settings page), then rotate the secret again there."
  );
}

/** Where a test stops a rotating process to kill it (lib/customers/test-support/rotation-process.ts). */
export type RollPoint = "answered" | "stored";
export type RollPause = (point: RollPoint) => Promise<void>;

/** No roll in flight: written by every change that settles a roll or sets the secret another way. */
export const NO_ROLL_IN_FLIGHT = {
  secretRollStartedAt: null,
  secretRollAnsweredAt: null,
  pendingSecretEnc: null,
  secretRollProblem: null,
} as const;

/**
 * The data that makes `newSecret` current and the current one previous (accepted for pushes until the overlap ends),
 * ending any roll in flight. Used by the roll and by a new secret entered by hand for the same API key.
 */
export function secretRollData(
  applicationId: string,
  currentSecretEnc: string,
  newSecret: string,
  now: Date,
): Prisma.CustomerApplicationUpdateInput {
  const current = decryptSecret(currentSecretEnc, customerAppSecretContext(applicationId));
  return {
    clientSecretEnc: encryptSecret(newSecret, customerAppSecretContext(applicationId)),
    clientSecretHint: secretHint(newSecret),
    previousSecretEnc: encryptSecret(current, customerAppPreviousSecretContext(applicationId)),
    previousSecretRetiresAt: new Date(now.getTime() + env().LINKEDIN_SECRET_OVERLAP_HOURS * 3_600_000),
    secretSetAt: now,
    ...NO_ROLL_IN_FLIGHT,
    // The token of the old secret stays valid until it expires (L1); nothing to drop.
  };
}

/** Marks a roll in flight unless another process did since `seen` was read (compare-and-set); false when it did. */
export async function markRollInFlight(applicationId: string, seen: Date | null, now: Date): Promise<boolean> {
  const { count } = await db.customerApplication.updateMany({
    where: { id: applicationId, secretRollStartedAt: seen },
    data: { ...NO_ROLL_IN_FLIGHT, secretRollStartedAt: now },
  });
  return count === 1;
}

/** Whether a failed roll call certainly rolled nothing: LinkedIn refused it (4xx) or it was never sent. */
export function rollNotSent(err: unknown): boolean {
  if (!isLinkedInError(err)) return false;
  if (err.endpoint !== ENDPOINTS.rollSecret || err.attempts === 0) return true;
  return err.httpStatus !== undefined && err.httpStatus >= 400 && err.httpStatus < 500;
}

/**
 * After a failed roll call: one that certainly rolled nothing takes its marker back (restoring an earlier roll's, with
 * `problem`, when this was a roll again over it); any other (no answer, 5xx, an unreadable 2xx) keeps the marker.
 */
export async function endFailedRoll(
  applicationId: string,
  startedAt: Date,
  err: unknown,
  earlier: { startedAt: Date; problem: string } | null,
): Promise<void> {
  if (!rollNotSent(err)) return;
  await db.customerApplication.updateMany({
    where: { id: applicationId, secretRollStartedAt: startedAt, secretRollAnsweredAt: null },
    data: earlier
      ? { secretRollStartedAt: earlier.startedAt, secretRollProblem: earlier.problem }
      : { ...NO_ROLL_IN_FLIGHT },
  });
}

/** LinkedIn answered: the new secret is stored, encrypted, in its own transaction, before anything else happens. */
export async function storeRolledSecret(
  applicationId: string,
  secret: string,
  startedAt: Date,
  answeredAt: Date,
): Promise<void> {
  await db.customerApplication.update({
    where: { id: applicationId },
    data: {
      pendingSecretEnc: encryptSecret(secret, customerAppPendingSecretContext(applicationId)),
      secretRollAnsweredAt: answeredAt,
      secretRollStartedAt: startedAt,
      secretRollProblem: null,
    },
  });
}

export interface RollingApplication {
  id: string;
  customerId: string;
  clientId: string;
  applicationUrn: string | null;
}

/**
 * Makes the stored answer of the roll answered at `answeredAt` current, and audits it; false when that roll was
 * settled meanwhile (promoted by another process, or keys entered by hand).
 */
export async function promoteRolledSecret(
  actor: AuditActor,
  app: RollingApplication,
  answeredAt: Date,
  secret: string,
  now: Date,
  recovered: boolean,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { clientSecretEnc } = await tx.customerApplication.findUniqueOrThrow({
      where: { id: app.id },
      select: { clientSecretEnc: true },
    });
    // A concurrent promotion or hand entry clears secretRollAnsweredAt: this update then matches nothing.
    const { count } = await tx.customerApplication.updateMany({
      where: { id: app.id, secretRollAnsweredAt: answeredAt, pendingSecretEnc: { not: null } },
      data: secretRollData(app.id, clientSecretEnc, secret, now),
    });
    if (count === 0) return false;
    await recordAudit(
      actor,
      {
        action: "customer.secret_rotated",
        targetType: "Customer",
        targetId: app.customerId,
        customerId: app.customerId,
        details: { clientId: app.clientId, applicationUrn: app.applicationUrn, recoveredAfterInterruption: recovered },
      },
      tx,
    );
    return true;
  });
}

/** What settling a roll in flight came to. */
export type RollSettlement =
  | { outcome: "none" | "promoted" | "dropped" }
  | { outcome: "unanswered"; startedAt: Date }
  | { outcome: "unconfirmed"; problem: string };

/** Settles the roll in flight of one application when LinkedIn can tell (see the file header). */
export async function settleSecretRoll(actor: AuditActor, applicationId: string, now: Date): Promise<RollSettlement> {
  const app = await db.customerApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      customerId: true,
      clientId: true,
      applicationUrn: true,
      clientSecretEnc: true,
      secretRollStartedAt: true,
      secretRollAnsweredAt: true,
      pendingSecretEnc: true,
    },
  });
  if (!app?.secretRollStartedAt) return { outcome: "none" };
  const answeredAt = app.secretRollAnsweredAt;
  if (!app.pendingSecretEnc || !answeredAt) return { outcome: "unanswered", startedAt: app.secretRollStartedAt };
  const pending = decryptSecret(app.pendingSecretEnc, customerAppPendingSecretContext(app.id));
  const check = await verifyApplicationCredentials(app.clientId, pending);
  if (check.ok) {
    await promoteRolledSecret(actor, app, answeredAt, pending, now, true);
    return { outcome: "promoted" };
  }
  let problem = `LinkedIn could not be asked whether the new secret works: ${check.message}`;
  if (check.refused) {
    const current = decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id));
    const stillWorks = await verifyApplicationCredentials(app.clientId, current);
    if (stillWorks.ok) {
      await dropRolledSecret(actor, app, answeredAt);
      return { outcome: "dropped" };
    }
    problem = stillWorks.refused
      ? "LinkedIn refuses both the new secret it rolled and the current one."
      : `LinkedIn refuses the new secret it rolled, and could not be asked about the current one: ${stillWorks.message}`;
  }
  await db.customerApplication.updateMany({
    where: { id: app.id, secretRollAnsweredAt: answeredAt },
    data: { secretRollProblem: problem },
  });
  return { outcome: "unconfirmed", problem };
}

/** LinkedIn refuses the stored answer (deleted in the developer portal) and accepts the current secret: forget it. */
async function dropRolledSecret(actor: AuditActor, app: RollingApplication, answeredAt: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.customerApplication.updateMany({
      where: { id: app.id, secretRollAnsweredAt: answeredAt },
      data: { ...NO_ROLL_IN_FLIGHT },
    });
    if (count === 0) return;
    await recordAudit(
      actor,
      {
        action: "customer.secret_rotation_dropped",
        targetType: "Customer",
        targetId: app.customerId,
        customerId: app.customerId,
        details: { clientId: app.clientId, reason: "LinkedIn refuses the rolled secret and accepts the current one" },
      },
      tx,
    );
  });
}

const SWEEP: AuditActor = { system: "secret-roll-sweep" };
/** Rolls settled per sweep at most (each costs up to two token requests); the next minute's pass takes the rest. */
const SWEEP_BATCH = 50;

/**
 * The reconcile pass's sweep (every minute): settles every stored answer its process left unpromoted for a minute.
 * Unanswered rolls are left to support (see the file header).
 */
export async function sweepSecretRolls(
  now = new Date(),
  scope: { customerId?: string } = {},
): Promise<Record<RollSettlement["outcome"], number>> {
  const rows = await db.customerApplication.findMany({
    where: {
      // Rows in flight are few, found through the secretRollStartedAt index.
      secretRollStartedAt: { not: null },
      secretRollAnsweredAt: { lt: new Date(now.getTime() - ANSWERED_ROLL_SETTLE_MS) },
      ...(scope.customerId === undefined ? {} : { customerId: scope.customerId }),
    },
    orderBy: [{ secretRollAnsweredAt: "asc" }, { id: "asc" }],
    take: SWEEP_BATCH,
    select: { id: true },
  });
  const counts = { none: 0, promoted: 0, dropped: 0, unanswered: 0, unconfirmed: 0 };
  for (const row of rows) counts[(await settleSecretRoll(SWEEP, row.id, now)).outcome] += 1;
  return counts;
}
