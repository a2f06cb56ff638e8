import "server-only";
// What the configuration sync (config-sync.ts) must send for each integration of a customer (C15–C17, C21, L14,
// L15): the keys of its type's row in the key table, the viewers keys only for customers without ATS access
// controls, the desired values against the stored rows and their sync state. Worked out from the database each time.
import { callbackUrlFor } from "@/lib/linkedin/callback-url";
import { db } from "@/lib/db/client";
import type { ConfigurationKeyRequirement } from "@/lib/db/generated/client";
import { env } from "@/lib/env";

export type ConfigPlan = {
  integrationId: string;
  tuple: { integrationContext: string; integrationType: string; tenantType: string };
  /** key → value to send (C15). */
  entries: Record<string, string>;
  /** Stored keys to remove at LinkedIn (L15 DELETE): a viewers key of a customer with ACLs, a key the table dropped. */
  removals: string[];
  /** Labels of required keys that have no value yet (a customer-editable key left empty). */
  missing: string[];
  /** Whether LinkedIn has not yet acknowledged these exact values, or keys must be removed. */
  needsSend: boolean;
  /** Whether the values themselves must be written (a PUT), not only keys removed. */
  needsWrite: boolean;
  /** Nothing to send, but the integration's recorded state does not say so yet. */
  needsSettle: boolean;
  fingerprint: string;
};

/** The message shown while a customer-editable key has no value (C15, C17). */
export function waitingMessage(missing: string[]): string | null {
  return missing.length > 0 ? `Waiting for you: enter ${missing.join(", ")} below, then save.` : null;
}

/** The value a requirement gives for one integration, or null when nobody has provided it yet. */
export function desiredValue(
  req: Pick<ConfigurationKeyRequirement, "valueSource" | "defaultValue">,
  stored: string | undefined,
  callbackUrl: string,
): string | null {
  if (req.valueSource === "CALLBACK_URL") return callbackUrl; // C16, C21: the customer's own URL, always
  if (req.valueSource === "CUSTOMER") return stored ?? req.defaultValue ?? null;
  return req.defaultValue ?? null;
}

/**
 * The keys that apply to one integration of a customer (L14, RSC-104): the type's rows of the key
 * table, without the viewers keys when the customer uses access controls in the ATS.
 */
export function keysFor(
  reqs: ConfigurationKeyRequirement[],
  usesAtsAccessControls: boolean,
): ConfigurationKeyRequirement[] {
  return usesAtsAccessControls ? reqs.filter((r) => !r.onlyWithoutAccessControls) : reqs;
}

/** What a key LinkedIn refused says on its configuration: LinkedIn's words and the action that fixes it. */
export function describeKeyRefusal(key: string, integrationType: string, words: string): string {
  return (
    `LinkedIn refused ${key} on ${integrationType}: ${words}. ` +
    `To fix it, an operator edits the configuration key table for ${integrationType} (Console → Settings → Configuration keys), ` +
    `then re-sends this customer's settings (customer settings → "Re-send settings to LinkedIn").`
  );
}

export async function requirementsByType(): Promise<Map<string, ConfigurationKeyRequirement[]>> {
  const all = await db.configurationKeyRequirement.findMany({ orderBy: [{ integrationType: "asc" }, { key: "asc" }] });
  const byType = new Map<string, ConfigurationKeyRequirement[]>();
  for (const r of all) byType.set(r.integrationType, [...(byType.get(r.integrationType) ?? []), r]);
  return byType;
}

/** What every integration of the customer should have at LinkedIn, and whether it still must be sent. */
export async function configurationPlan(customerId: string): Promise<ConfigPlan[]> {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { callbackKey: true, usesAtsAccessControls: true },
  });
  const callbackUrl = callbackUrlFor(env().PUBLIC_URL, customer.callbackKey);
  const requirements = await requirementsByType();
  const integrations = await db.integration.findMany({
    where: { customerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      integrationContext: true,
      integrationType: true,
      tenantType: true,
      configSyncState: true,
      configSyncError: true,
      configurations: { select: { key: true, value: true, syncState: true } },
    },
  });
  return integrations.map((i) => {
    const stored = new Map(i.configurations.map((c) => [c.key, c]));
    const entries: Record<string, string> = {};
    const missing: string[] = [];
    let needsSend = false;
    const keys = keysFor(requirements.get(i.integrationType) ?? [], customer.usesAtsAccessControls);
    const wanted = new Set(keys.map((k) => k.key));
    const removals = i.configurations.filter((c) => !wanted.has(c.key)).map((c) => c.key);
    for (const req of keys) {
      const row = stored.get(req.key);
      const value = desiredValue(req, row?.value, callbackUrl);
      if (value === null || value === "") {
        missing.push(req.label);
        continue;
      }
      entries[req.key] = value;
      if (!row || row.value !== value || row.syncState !== "SYNCED") needsSend = true;
    }
    const send = (needsSend && Object.keys(entries).length > 0) || removals.length > 0;
    const expectedState = missing.length > 0 ? "PENDING" : "SYNCED";
    return {
      integrationId: i.id,
      tuple: { integrationContext: i.integrationContext, integrationType: i.integrationType, tenantType: i.tenantType },
      entries,
      removals,
      missing,
      needsSend: send,
      needsWrite: needsSend && Object.keys(entries).length > 0,
      needsSettle: !send && (i.configSyncState !== expectedState || i.configSyncError !== waitingMessage(missing)),
      fingerprint: JSON.stringify([entries, removals]),
    };
  });
}
