import "server-only";
// Creating, editing and archiving customers (issue #6). Each change is audited in the same transaction.
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { SafeError } from "@/lib/errors/safe-error";
import { CUSTOMER_ARCHIVED_MESSAGE } from "./archived";
import { newCallbackKey } from "./callback-url";
import type { CustomerCreateInput, CustomerUpdateInput } from "./schemas";
import { isUniqueViolation } from "./unique-violation";

function foreignIdTaken(foreignId: string): SafeError {
  return new SafeError("conflict", "Another customer already has this id.", {
    foreignId: [`"${foreignId}" is already used by another customer; LinkedIn's uniqueForeignId must be unique.`],
  });
}

export async function createCustomer(actor: AuditActor, input: CustomerCreateInput): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const customer = await tx.customer.create({
        data: {
          displayName: input.displayName,
          foreignId: input.foreignId,
          offeredIntegrationTypes: input.offeredIntegrationTypes,
          // C21: its own callback URL from the start.
          callbackKey: newCallbackKey(),
        },
        select: { id: true },
      });
      await recordAudit(
        actor,
        {
          action: "customer.created",
          targetType: "Customer",
          targetId: customer.id,
          customerId: customer.id,
          details: { ...input },
        },
        tx,
      );
      return customer;
    });
  } catch (e) {
    if (isUniqueViolation(e, "foreignId")) throw foreignIdTaken(input.foreignId);
    throw e;
  }
}

export async function updateCustomer(
  actor: AuditActor,
  customerId: string,
  input: CustomerUpdateInput,
): Promise<{ changed: string[] }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.customer.findUnique({ where: { id: customerId } });
      if (!before) throw new SafeError("not_found", "No such customer.");
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const data: {
        displayName?: string;
        foreignId?: string;
        offeredIntegrationTypes?: string[];
        archivedAt?: Date | null;
      } = {};
      if (input.displayName !== undefined && input.displayName !== before.displayName) {
        data.displayName = input.displayName;
        changes.displayName = { from: before.displayName, to: input.displayName };
      }
      if (input.foreignId !== undefined && input.foreignId !== before.foreignId) {
        data.foreignId = input.foreignId;
        changes.foreignId = { from: before.foreignId, to: input.foreignId };
      }
      if (
        input.offeredIntegrationTypes !== undefined &&
        input.offeredIntegrationTypes.join(",") !== before.offeredIntegrationTypes.join(",")
      ) {
        data.offeredIntegrationTypes = input.offeredIntegrationTypes;
        changes.offeredIntegrationTypes = { from: before.offeredIntegrationTypes, to: input.offeredIntegrationTypes };
      }
      if (input.archived !== undefined && input.archived !== (before.archivedAt !== null)) {
        data.archivedAt = input.archived ? new Date() : null;
        changes.archived = { from: before.archivedAt !== null, to: input.archived };
      }
      const changed = Object.keys(changes);
      if (changed.length === 0) return { changed };
      // Issue 20 item 5: an archived customer changes only by being restored (in the same request or first).
      if (before.archivedAt && input.archived !== false) throw new SafeError("conflict", CUSTOMER_ARCHIVED_MESSAGE);
      await tx.customer.update({ where: { id: customerId }, data });
      const action =
        changed.length === 1 && changes.archived
          ? input.archived
            ? "customer.archived"
            : "customer.restored"
          : "customer.updated";
      await recordAudit(
        actor,
        {
          action,
          targetType: "Customer",
          targetId: customerId,
          customerId,
          details: JSON.parse(JSON.stringify(changes)),
        },
        tx,
      );
      return { changed };
    });
  } catch (e) {
    if (input.foreignId !== undefined && isUniqueViolation(e, "foreignId")) throw foreignIdTaken(input.foreignId);
    throw e;
  }
}
