import "server-only";
// Secret rotation of customer applications (L7): LinkedIn rolls a new secret and keeps the old one valid until
// it is deleted (at most two per application; it advises rotating every 60–90 days). Onramp stores the new
// secret encrypted, keeps the previous one (encrypted) so pushes signed with it are still accepted until
// previousSecretRetiresAt (LINKEDIN_SECRET_OVERLAP_HOURS), and says what a person must do where LinkedIn's API
// can not help (keys entered by hand, an application that already holds two secrets). The new secret is never only in
// memory (issue 20 item 7): the roll is recorded before LinkedIn is asked and its answer stored first (./secret-roll.ts).
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { logger } from "@/lib/log/logger";
import { isLinkedInError, type LinkedInError, rollApplicationSecret } from "@/lib/linkedin";
import {
  endFailedRoll,
  lostRollSteps,
  markRollInFlight,
  promoteRolledSecret,
  type RollPause,
  rollNotSent,
  settleSecretRoll,
  storeRolledSecret,
  UNANSWERED_ROLL_WINDOW_MS,
} from "./secret-roll";

/** What the page tells an operator about rotating keys entered by hand (L7: LinkedIn's developer portal). */
export const MANUAL_ROTATION_STEPS =
  "These keys were entered by hand, so Onramp's developer application can not roll their secret. In LinkedIn's developer " +
  "portal, open the customer's application, Auth tab, generate a new client secret (the old one keeps working until you " +
  "delete it), then enter the same API key and the new secret under Customer settings and keys. Delete the old secret in " +
  "the portal once the overlap has passed.";

export type RotationResult = { rotated: true; message: string };

const noPause: RollPause = async () => undefined;

function rotatedMessage(): string {
  return `LinkedIn rolled a new secret; it is stored encrypted. Pushes signed with the previous secret are accepted for ${env().LINKEDIN_SECRET_OVERLAP_HOURS} hours.`;
}

/**
 * L7 for one customer: roll through LinkedIn, store the new secret, keep the previous one for the overlap. The roll is
 * never only in memory (./secret-roll.ts): marked in flight before the call, LinkedIn's answer stored at once, then
 * promoted. A roll left in flight by a process that died is settled first. `pause` is a test seam (rotation-process.ts).
 */
export async function rotateCustomerSecret(
  actor: AuditActor,
  customerId: string,
  now = new Date(),
  pause: RollPause = noPause,
): Promise<RotationResult> {
  const app = await db.customerApplication.findUnique({
    where: { customerId },
    select: {
      id: true,
      customerId: true,
      clientId: true,
      applicationUrn: true,
      origin: true,
      previousSecretEnc: true,
      previousSecretRetiresAt: true,
      secretRollStartedAt: true,
    },
  });
  if (!app) throw new SafeError("not_found", "This customer has no LinkedIn application to rotate.");
  if (app.origin !== "PROVISIONED" || !app.applicationUrn) throw new SafeError("conflict", MANUAL_ROTATION_STEPS);
  const urn = app.applicationUrn;
  const settled = app.secretRollStartedAt ? await settleLeftRoll(actor, app.id, now) : { lostRoll: null };
  if ("rotated" in settled) return settled;
  const { lostRoll } = settled;
  if (app.previousSecretEnc && app.previousSecretRetiresAt && app.previousSecretRetiresAt > now) {
    throw new SafeError(
      "conflict",
      `The previous secret is still accepted until ${app.previousSecretRetiresAt.toISOString()}, so LinkedIn still holds two secrets ` +
        "and would refuse a roll. Delete the older secret in LinkedIn's developer portal and mark it retired here first.",
    );
  }
  // Before LinkedIn is asked: a process that dies from here on leaves this trace (issue 20 item 7).
  if (!(await markRollInFlight(app.id, lostRoll, now))) {
    throw new SafeError("conflict", "Another rotation of this secret has just started; wait for it to finish.");
  }
  let newSecret: string;
  try {
    newSecret = await rollApplicationSecret(urn);
  } catch (err) {
    const problem = "LinkedIn refused to roll again; it may hold a secret Onramp does not have.";
    await endFailedRoll(app.id, now, err, lostRoll ? { startedAt: lostRoll, problem } : null);
    if (!isLinkedInError(err)) throw err;
    await recordAudit(actor, {
      action: "customer.secret_rotation_refused",
      targetType: "Customer",
      targetId: customerId,
      customerId,
      details: { clientId: app.clientId, applicationUrn: urn, reason: err.message },
    });
    throw new SafeError(
      "unprocessable",
      `${err.message}${refusalSteps(err, app.clientId, lostRoll)} The stored secret was not changed.`,
    );
  }
  await pause("answered");
  try {
    await storeRolledSecret(app.id, newSecret, now, now);
  } catch (err) {
    // The database's error may quote the write: the secret is in it only as its envelope (encrypted).
    logger().error({ err, customerId }, "LinkedIn rolled a new secret and Onramp could not store it");
    throw new SafeError(
      "unavailable",
      "LinkedIn rolled a new secret, but Onramp could not store it (the database did not take the write). LinkedIn may " +
        "now hold a secret Onramp does not have: the customer's page and the issues view show this rotation with the steps to recover.",
    );
  }
  await pause("stored");
  await promoteRolledSecret(actor, app, now, newSecret, now, false);
  return { rotated: true, message: rotatedMessage() };
}

/** What a person does after a failed roll call. */
function refusalSteps(err: LinkedInError, clientId: string, lostRoll: Date | null): string {
  if (!rollNotSent(err)) {
    return (
      " LinkedIn may have rolled a new secret without Onramp receiving it: the customer's page shows this rotation, and " +
      "after ten minutes the issues view lists it with the steps to recover."
    );
  }
  if (err.kind !== "bad_request") return "";
  if (lostRoll) return ` ${lostRollSteps(clientId)}`;
  return " If LinkedIn says the application already has two secrets, delete the older one in LinkedIn's developer portal and rotate again.";
}

/**
 * A roll left in flight by a process that died (./secret-roll.ts): its stored answer is made current rather than a
 * second secret asked for; one still waiting for LinkedIn is not raced; one whose answer was lost is rolled again
 * (`lostRoll`: LinkedIn refuses if it did roll, since it then holds two secrets).
 */
async function settleLeftRoll(
  actor: AuditActor,
  applicationId: string,
  now: Date,
): Promise<RotationResult | { lostRoll: Date | null }> {
  const settled = await settleSecretRoll(actor, applicationId, now);
  switch (settled.outcome) {
    case "promoted":
      return {
        rotated: true,
        message: `An interrupted rotation had already rolled a new secret; LinkedIn accepts it and it is now current. ${rotatedMessage()}`,
      };
    case "unconfirmed":
      throw new SafeError(
        "conflict",
        `LinkedIn rolled a new secret earlier and Onramp stored it, but it can not be confirmed yet: ${settled.problem} Onramp checks again every minute; nothing was rolled now.`,
      );
    case "unanswered":
      if (settled.startedAt.getTime() > now.getTime() - UNANSWERED_ROLL_WINDOW_MS) {
        throw new SafeError(
          "conflict",
          `A rotation started at ${settled.startedAt.toISOString()} is still waiting for LinkedIn's answer. Try again in a few minutes.`,
        );
      }
      return { lostRoll: settled.startedAt };
    default:
      return { lostRoll: null };
  }
}

/** A person deleted the older secret in LinkedIn's developer portal: Onramp stops accepting it at once. */
export async function retirePreviousSecret(actor: AuditActor, customerId: string): Promise<{ message: string }> {
  const updated = await db.customerApplication.updateMany({
    where: { customerId, previousSecretEnc: { not: null } },
    data: { previousSecretEnc: null, previousSecretRetiresAt: null },
  });
  if (updated.count === 0) throw new SafeError("conflict", "This customer has no previous secret to retire.");
  await recordAudit(actor, {
    action: "customer.previous_secret_retired",
    targetType: "Customer",
    targetId: customerId,
    customerId,
    details: {},
  });
  return { message: "The previous secret is retired: pushes signed with it are refused from now on." };
}
