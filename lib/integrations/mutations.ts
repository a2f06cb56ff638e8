import "server-only";
// What a customer admin changes on their integrations: the customer-facing name (C11) and the
// configuration values the operator lets them edit (C15, C17). Both re-sync through tracked jobs.
import type { Actor } from "@/lib/auth/actor";
import { assertCustomerAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { Notice } from "@/lib/errors/notice";
import { SafeError } from "@/lib/errors/safe-error";
import { CONFIG_FIELD_PREFIX, type EditConfigurationInput, type RenameIntegrationInput } from "./schemas";
import { startCustomerSync } from "./start-sync";

/** What the customer admin reads: English for staff and logs, and its catalogue key (issue 25 point 1). */
export type Answered = { message: string; notice: Notice };

const noSuchIntegration = () =>
  new SafeError("not_found", "No such integration.", undefined, { notice: { key: "noSuchIntegration" } });

async function integrationFor(actor: Actor, integrationId: string) {
  const integration = await db.integration.findUnique({ where: { id: integrationId } });
  // Another customer's integration answers as if it did not exist.
  if (!integration) throw noSuchIntegration();
  try {
    assertCustomerAccess(actor, integration.customerId);
  } catch {
    throw noSuchIntegration();
  }
  return integration;
}

export async function renameIntegration(actor: Actor, input: RenameIntegrationInput): Promise<Answered> {
  const integration = await integrationFor(actor, input.integrationId);
  if (integration.name === input.name) return { message: "The name is unchanged.", notice: { key: "nameUnchanged" } };
  // nameVersion is bumped in the same statement, so a sync running now records the older version and
  // leaves this one PENDING for the next pass (schema: nameVersion / nameSyncedVersion).
  await db.$transaction(async (tx) => {
    await tx.integration.update({
      where: { id: integration.id },
      data: {
        name: input.name,
        nameVersion: { increment: 1 },
        nameSyncState: "PENDING",
        nameSyncError: null,
        nameSyncAttempts: 0,
      },
    });
    await recordAudit(
      actor,
      {
        action: "integration.renamed",
        targetType: "Integration",
        targetId: integration.id,
        customerId: integration.customerId,
        details: { from: integration.name, to: input.name },
      },
      tx,
    );
  });
  await startCustomerSync(integration.customerId, { names: true }, actor.userId);
  return {
    message: `Renamed. Onramp is sending "${input.name}" to LinkedIn.`,
    notice: { key: "renamed", values: { name: input.name } },
  };
}

export async function editConfiguration(actor: Actor, input: EditConfigurationInput): Promise<Answered> {
  const integration = await integrationFor(actor, input.integrationId);
  const editable = await db.configurationKeyRequirement.findMany({
    where: {
      integrationType: integration.integrationType,
      customerEditable: true,
      valueSource: { not: "CALLBACK_URL" },
    },
  });
  const allowed = new Map(editable.map((r) => [r.key, r]));
  const values: [string, string][] = [];
  const fieldErrors: Record<string, string[]> = {};
  const fieldNotices: Record<string, Notice[]> = {};
  for (const [field, raw] of Object.entries(input)) {
    if (!field.startsWith(CONFIG_FIELD_PREFIX)) continue;
    const key = field.slice(CONFIG_FIELD_PREFIX.length);
    const value = String(raw).trim();
    const label = allowed.get(key)?.label ?? key;
    if (!allowed.has(key)) {
      fieldErrors[field] = ["This setting is not yours to change; your vendor manages it."];
      fieldNotices[field] = [{ key: "notYoursToChange" }];
    } else if (value === "") {
      fieldErrors[field] = [`Enter a value for ${label}.`];
      fieldNotices[field] = [{ key: "enterValue", values: { label } }];
    } else values.push([key, value]);
  }
  if (Object.keys(fieldErrors).length > 0)
    throw new SafeError("unprocessable", "Some settings need attention.", fieldErrors, {
      notice: { key: "settingsNeedAttention" },
      fieldNotices,
    });
  if (values.length === 0)
    throw new SafeError("bad_request", "There is nothing to save.", undefined, { notice: { key: "nothingToSave" } });

  const current = await db.integrationConfiguration.findMany({
    where: { integrationId: integration.id, key: { in: values.map(([k]) => k) } },
  });
  const changed = values.filter(([k, v]) => current.find((c) => c.key === k)?.value !== v);
  if (changed.length === 0) return { message: "No setting changed.", notice: { key: "noSettingChanged" } };
  await db.$transaction(async (tx) => {
    for (const [key, value] of changed) {
      await tx.integrationConfiguration.upsert({
        where: { integrationId_key: { integrationId: integration.id, key } },
        create: { integrationId: integration.id, key, value, syncState: "PENDING" },
        update: { value, syncState: "PENDING", syncError: null },
      });
    }
    await tx.integration.update({
      where: { id: integration.id },
      data: { configSyncState: "PENDING", configSyncError: null },
    });
    await recordAudit(
      actor,
      {
        action: "integration.configuration_edited",
        targetType: "Integration",
        targetId: integration.id,
        customerId: integration.customerId,
        details: { keys: changed.map(([k]) => k) },
      },
      tx,
    );
  });
  await startCustomerSync(integration.customerId, { configurations: true }, actor.userId);
  return {
    message: `Saved ${changed.length === 1 ? "1 setting" : `${changed.length} settings`}. Onramp is sending ${changed.length === 1 ? "it" : "them"} to LinkedIn.`,
    notice: { key: "settingsSaved", values: { count: changed.length } },
  };
}
