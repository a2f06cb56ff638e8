import "server-only";
// Registering webhook endpoints (issue 12), for operators (console) and the vendor API. The signing secret
// is answered once, on creation and on rotation, and otherwise never leaves Onramp; after a rotation the
// old secret still signs alongside the new one for ROTATION_GRACE_MS so receivers can switch over. A URL is
// checked again when saved, with what its host resolves to (issue 20, point 1): a name pointing at a private
// network is refused with the reason, as the URL schema refuses a private address written out.
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { refusalOf } from "@/lib/egress/check";
import { SafeError } from "@/lib/errors/safe-error";
import type { WebhookEndpointCreateInput, WebhookEndpointUpdateInput } from "./schemas";
import { newSigningSecret, sealSecret } from "./secret";

export const ROTATION_GRACE_MS = 24 * 3600_000;

export type EndpointWithSecret = { id: string; secret: string };

function notFound(): SafeError {
  return new SafeError("not_found", "No such webhook endpoint. It may have been deleted.");
}

/** The endpoint as a change finds it inside its transaction (its sealed secret); not found once deleted. */
async function existingEndpoint(tx: Prisma.TransactionClient, id: string): Promise<{ secretEnc: string }> {
  const row = await tx.webhookEndpoint.findUnique({ where: { id }, select: { secretEnc: true } });
  if (!row) throw notFound();
  return row;
}

/** Refuses a URL the egress would refuse (lib/egress), before anything is written. */
async function assertSendable(url: string): Promise<void> {
  const refusal = await refusalOf(url);
  if (refusal) throw new SafeError("unprocessable", refusal.reason, { url: [refusal.reason] });
}

export async function createWebhookEndpoint(
  actor: AuditActor,
  input: Omit<WebhookEndpointCreateInput, "resolveExports"> & { resolveExports?: boolean },
): Promise<EndpointWithSecret> {
  await assertSendable(input.url);
  const id = `we_${randomUUID().replaceAll("-", "")}`;
  const secret = newSigningSecret();
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.create({
      data: {
        id,
        url: input.url,
        description: input.description || null,
        eventTypes: input.eventTypes,
        resolveExports: input.resolveExports ?? false,
        secretEnc: sealSecret(id, secret),
        createdById: "userId" in actor ? actor.userId : null,
      },
    });
    await recordAudit(
      actor,
      {
        action: "webhook.created",
        targetType: "WebhookEndpoint",
        targetId: id,
        details: { url: input.url, eventTypes: input.eventTypes, resolveExports: input.resolveExports ?? false },
      },
      tx,
    );
  });
  return { id, secret };
}

export async function updateWebhookEndpoint(
  actor: AuditActor,
  id: string,
  input: WebhookEndpointUpdateInput,
  now = new Date(),
): Promise<void> {
  if (input.url !== undefined) await assertSendable(input.url);
  await db.$transaction(async (tx) => {
    await existingEndpoint(tx, id);
    await tx.webhookEndpoint.update({
      where: { id },
      data: {
        url: input.url,
        description: input.description === undefined ? undefined : input.description || null,
        eventTypes: input.eventTypes,
        resolveExports: input.resolveExports,
        ...(input.enabled === true ? { disabledAt: null, disabledReason: null, failingSince: null } : {}),
        ...(input.enabled === false ? { disabledAt: now, disabledReason: "Disabled by a person." } : {}),
      },
    });
    await recordAudit(
      actor,
      { action: "webhook.updated", targetType: "WebhookEndpoint", targetId: id, details: { ...input } },
      tx,
    );
  });
}

export async function rotateWebhookSecret(
  actor: AuditActor,
  id: string,
  now = new Date(),
): Promise<EndpointWithSecret> {
  const secret = newSigningSecret();
  await db.$transaction(async (tx) => {
    const { secretEnc } = await existingEndpoint(tx, id);
    await tx.webhookEndpoint.update({
      where: { id },
      data: {
        secretEnc: sealSecret(id, secret),
        previousSecretEnc: secretEnc,
        previousSecretUntil: new Date(now.getTime() + ROTATION_GRACE_MS),
      },
    });
    await recordAudit(actor, { action: "webhook.secret_rotated", targetType: "WebhookEndpoint", targetId: id }, tx);
  });
  return { id, secret };
}

export async function deleteWebhookEndpoint(actor: AuditActor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id } });
    if (count === 0) throw notFound();
    await recordAudit(actor, { action: "webhook.deleted", targetType: "WebhookEndpoint", targetId: id }, tx);
  });
}
