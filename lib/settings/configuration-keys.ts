import "server-only";
// The configuration keys each integration type needs (C15), edited by operators. Every change is audited.
import type { ConfigurationValueSource } from "@/lib/db/enums";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { SafeError } from "@/lib/errors/safe-error";
import { isUniqueViolation } from "@/lib/customers/unique-violation";
import type { ConfigurationKeyInput } from "./schemas";

export type ConfigurationKeyRow = {
  id: string;
  integrationType: string;
  key: string;
  label: string;
  description: string | null;
  valueSource: ConfigurationValueSource;
  defaultValue: string | null;
  customerEditable: boolean;
  /** L14, RSC-104: sent only to customers without access controls in the ATS, removed for the others. */
  onlyWithoutAccessControls: boolean;
  updatedAt: Date;
};

/** The whole table: one row per (type, key), a few dozen at most. */
export function listConfigurationKeys(): Promise<ConfigurationKeyRow[]> {
  return db.configurationKeyRequirement.findMany({
    orderBy: [{ integrationType: "asc" }, { key: "asc" }],
    select: {
      id: true,
      integrationType: true,
      key: true,
      label: true,
      description: true,
      valueSource: true,
      defaultValue: true,
      customerEditable: true,
      onlyWithoutAccessControls: true,
      updatedAt: true,
    },
  });
}

function duplicate(input: ConfigurationKeyInput): SafeError {
  return new SafeError("conflict", "This key already exists for this integration type.", {
    key: [`${input.integrationType} already has a key "${input.key}".`],
  });
}

export async function createConfigurationKey(actor: Actor, input: ConfigurationKeyInput): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.configurationKeyRequirement.create({ data: input, select: { id: true } });
      await recordAudit(
        actor,
        {
          action: "configuration_key.created",
          targetType: "ConfigurationKeyRequirement",
          targetId: row.id,
          details: { ...input },
        },
        tx,
      );
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e, "key")) throw duplicate(input);
    throw e;
  }
}

export async function updateConfigurationKey(actor: Actor, id: string, input: ConfigurationKeyInput): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.configurationKeyRequirement.findUnique({ where: { id } });
      if (!before) throw new SafeError("not_found", "No such configuration key.");
      await tx.configurationKeyRequirement.update({ where: { id }, data: input });
      await recordAudit(
        actor,
        {
          action: "configuration_key.updated",
          targetType: "ConfigurationKeyRequirement",
          targetId: id,
          details: {
            before: { ...before, createdAt: before.createdAt.toISOString(), updatedAt: before.updatedAt.toISOString() },
            after: { ...input },
          },
        },
        tx,
      );
    });
  } catch (e) {
    if (isUniqueViolation(e, "key")) throw duplicate(input);
    throw e;
  }
}

export async function deleteConfigurationKey(
  actor: Actor,
  id: string,
): Promise<{ key: string; integrationType: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.configurationKeyRequirement.findUnique({ where: { id } });
    if (!row) throw new SafeError("not_found", "No such configuration key.");
    if (row.valueSource === "CALLBACK_URL") {
      // C16: without its callback URL configuration an integration never gets a push notification.
      throw new SafeError(
        "conflict",
        "The callback URL key can not be removed: LinkedIn sends no notifications without it.",
      );
    }
    await tx.configurationKeyRequirement.delete({ where: { id } });
    await recordAudit(
      actor,
      {
        action: "configuration_key.deleted",
        targetType: "ConfigurationKeyRequirement",
        targetId: id,
        details: { integrationType: row.integrationType, key: row.key },
      },
      tx,
    );
    return { key: row.key, integrationType: row.integrationType };
  });
}
