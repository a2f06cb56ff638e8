// The rows the support console's read tests share (overview, issues, customer and audit .db.test.ts): customers
// a–f at known stages, with integrations, status changes, a sync error and refused keys. Rows are named with a
// per-file prefix (P) so parallel test files never see each other's data through the filters.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import type { OnboardingStatus, SyncState } from "@/lib/db/enums";

export const P = `cons${randomBytes(3).toString("hex")}`;
export const HOUR = 60 * 60 * 1000;
export const now = new Date();
export const ids: Record<string, string> = {};

export async function customer(key: string, opts: { authError?: string } = {}) {
  const c = await db.customer.create({
    data: {
      displayName: `${P} ${key}`,
      foreignId: `${P}-${key}`,
      offeredIntegrationTypes: [],
      callbackKey: `${P}-${key}-cb`,
    },
  });
  await db.customerApplication.create({
    data: {
      customerId: c.id,
      clientId: `${P}-${key}-client`,
      clientSecretEnc: "v1.test.not-a-real-envelope",
      clientSecretHint: "cdef",
      accessTokenEnc: "v1.test.token-envelope",
      origin: "MANUAL",
      lastAuthError: opts.authError ?? null,
      lastAuthErrorAt: opts.authError ? now : null,
    },
  });
  ids[key] = c.id;
  return c.id;
}

let n = 0;
export async function integration(
  customerId: string,
  status: OnboardingStatus,
  opts: { type?: string; changedHoursAgo?: number; nameSync?: SyncState; name?: string } = {},
) {
  n += 1;
  const i = await db.integration.create({
    data: {
      customerId,
      integrationContext: `urn:li:organization:${P}${n}`,
      integrationType: opts.type ?? "ONE_CLICK_EXPORT",
      tenantType: "RECRUITER",
      name: opts.name ?? `${P} integration ${n}`,
      onboardingStatus: status,
      statusChangedAt: new Date(now.getTime() - (opts.changedHoursAgo ?? 1) * HOUR),
      nameSyncState: opts.nameSync ?? "SYNCED",
      nameSyncError: opts.nameSync === "FAILED" ? "LinkedIn refused the name" : null,
    },
  });
  return i.id;
}

/** Seeds the customers before the file's tests and deletes them (and the client) after. */
export function useSupportRows(): void {
  beforeAll(async () => {
    const a = await customer("a-none");
    void a;
    const b = await customer("b-requested");
    await integration(b, "REQUESTED", { type: "APPLY_CONNECT", changedHoursAgo: 100 });
    await integration(b, "ENABLED");
    const c = await customer("c-partner");
    await integration(c, "PARTNER_READY", { changedHoursAgo: 10 });
    await integration(c, "ENABLED");
    const d = await customer("d-enabled");
    ids.dEnabled = await integration(d, "ENABLED", { changedHoursAgo: 200 });
    const e = await customer("e-errors");
    ids.eFailed = await integration(e, "ENABLED", { nameSync: "FAILED", name: `=${P} "quoted", name` });
    await customer("f-keys", { authError: "LinkedIn refused these keys (401): re-enter them." });

    // Two changes in the last 24 hours and one older.
    await db.integrationStatusChange.createMany({
      data: [
        {
          integrationId: ids.dEnabled,
          fromStatus: null,
          toStatus: "REQUESTED",
          source: "WIDGET",
          createdAt: new Date(now.getTime() - 48 * HOUR),
        },
        {
          integrationId: ids.dEnabled,
          fromStatus: "REQUESTED",
          toStatus: "PARTNER_READY",
          source: "POLL",
          createdAt: new Date(now.getTime() - 3 * HOUR),
        },
        {
          integrationId: ids.dEnabled,
          fromStatus: "PARTNER_READY",
          toStatus: "ENABLED",
          source: "PUSH",
          createdAt: new Date(now.getTime() - 1 * HOUR),
        },
      ],
    });
  });

  afterAll(async () => {
    await db.customer.deleteMany({ where: { foreignId: { startsWith: P } } });
    await disconnectDb();
  });
}
