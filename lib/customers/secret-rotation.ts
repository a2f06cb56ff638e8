import "server-only";
// Secret rotation of customer applications (L7): LinkedIn rolls a new secret and keeps the old one valid until
// it is deleted (at most two per application; it advises rotating every 60–90 days). Onramp stores the new
// secret encrypted, keeps the previous one (encrypted) so pushes signed with it are still accepted until
// previousSecretRetiresAt (LINKEDIN_SECRET_OVERLAP_HOURS), and says what a person must do where LinkedIn's API
// can not help (keys entered by hand, an application that already holds two secrets).
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { decryptSecret, encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import {
  customerAppPreviousSecretContext,
  customerAppSecretContext,
  isLinkedInError,
  rollApplicationSecret,
} from "@/lib/linkedin";

/** What the page tells an operator about rotating keys entered by hand (L7: LinkedIn's developer portal). */
export const MANUAL_ROTATION_STEPS =
  "These keys were entered by hand, so Onramp's developer application can not roll their secret. In LinkedIn's developer " +
  "portal, open the customer's application, Auth tab, generate a new client secret (the old one keeps working until you " +
  "delete it), then enter the same API key and the new secret under Customer settings and keys. Delete the old secret in " +
  "the portal once the overlap has passed.";

/**
 * The data that makes `newSecret` current and the current one previous (accepted for pushes until the overlap ends).
 * Used by the roll and by a new secret entered by hand for the same API key.
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
    // The token of the old secret stays valid until it expires (L1); nothing to drop.
  };
}

export type RotationResult = { rotated: true; message: string };

/** L7 for one customer: roll through LinkedIn, store the new secret, keep the previous one for the overlap. */
export async function rotateCustomerSecret(
  actor: AuditActor,
  customerId: string,
  now = new Date(),
): Promise<RotationResult> {
  const app = await db.customerApplication.findUnique({
    where: { customerId },
    select: {
      id: true,
      clientId: true,
      applicationUrn: true,
      origin: true,
      clientSecretEnc: true,
      previousSecretEnc: true,
      previousSecretRetiresAt: true,
    },
  });
  if (!app) throw new SafeError("not_found", "This customer has no LinkedIn application to rotate.");
  if (app.origin !== "PROVISIONED" || !app.applicationUrn) throw new SafeError("conflict", MANUAL_ROTATION_STEPS);
  if (app.previousSecretEnc && app.previousSecretRetiresAt && app.previousSecretRetiresAt > now) {
    throw new SafeError(
      "conflict",
      `The previous secret is still accepted until ${app.previousSecretRetiresAt.toISOString()}, so LinkedIn still holds two secrets ` +
        "and would refuse a roll. Delete the older secret in LinkedIn's developer portal and mark it retired here first.",
    );
  }
  let newSecret: string;
  try {
    newSecret = await rollApplicationSecret(app.applicationUrn);
  } catch (err) {
    if (!isLinkedInError(err)) throw err;
    await recordAudit(actor, {
      action: "customer.secret_rotation_refused",
      targetType: "Customer",
      targetId: customerId,
      customerId,
      details: { clientId: app.clientId, applicationUrn: app.applicationUrn, reason: err.message },
    });
    const twoSecrets =
      err.kind === "bad_request"
        ? " If LinkedIn says the application already has two secrets, delete the older one in LinkedIn's developer portal and rotate again."
        : "";
    throw new SafeError("unprocessable", `${err.message}${twoSecrets} The stored secret was not changed.`);
  }
  await db.$transaction(async (tx) => {
    await tx.customerApplication.update({
      where: { id: app.id },
      data: secretRollData(app.id, app.clientSecretEnc, newSecret, now),
    });
    await recordAudit(
      actor,
      {
        action: "customer.secret_rotated",
        targetType: "Customer",
        targetId: customerId,
        customerId,
        details: { clientId: app.clientId, applicationUrn: app.applicationUrn },
      },
      tx,
    );
  });
  return {
    rotated: true,
    message: `LinkedIn rolled a new secret; it is stored encrypted. Pushes signed with the previous secret are accepted for ${env().LINKEDIN_SECRET_OVERLAP_HOURS} hours.`,
  };
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
