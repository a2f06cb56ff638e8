import "server-only";
// A key import's check of its rows with LinkedIn (C1, L21, issue 10 item 7): what the database already holds
// about a round of rows, the refusals that need no call, and the paced token request that decides the rest.
import { timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { DecryptionError, decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import {
  customerAppSecretContext,
  keyImportRowSecretContext,
  verifyApplicationCredentials,
  withSendSlot,
} from "@/lib/linkedin";
import { CUSTOMER_ARCHIVED_MESSAGE } from "./archived";
import { type PendingRow, type RowOutcome, refused, type StoredCustomer, SYSTEM } from "./key-import-rows";
import { storeRow } from "./key-import-store";

/** The pacing row (lib/linkedin/pacing.ts) that spaces every import's token requests, across processes. */
export const IMPORT_PACING_KEY = "onramp:key-import";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

let checksInThisProcess: Promise<unknown> = Promise.resolve();

/**
 * This process's rows queue here for the pacing row, so they do not poll a slot another of them holds (a waiter
 * sleeps up to 100 ms between looks). Only an optimisation: the pacing row in PostgreSQL is what spaces the
 * checks, across processes too.
 */
function oneCheckAtATime<T>(check: () => Promise<T>): Promise<T> {
  const turn = checksInThisProcess.then(check, check);
  checksInThisProcess = turn.catch(() => undefined);
  return turn;
}

/** What the database already holds about a round of rows: read in three queries, not three per row. */
export type Known = {
  customers: Map<string, StoredCustomer>;
  keyOwners: Map<string, { customerId: string; foreignId: string }>;
  urnOwners: Map<string, string>;
};

export async function knownFor(rows: readonly PendingRow[]): Promise<Known> {
  const list = (pick: (r: PendingRow) => string | null) => rows.map(pick).filter((v): v is string => Boolean(v));
  const [customers, owners, urns] = await Promise.all([
    db.customer.findMany({
      where: { foreignId: { in: list((r) => r.foreignId) } },
      select: {
        id: true,
        foreignId: true,
        archivedAt: true,
        application: { select: { id: true, clientId: true, clientSecretEnc: true, applicationUrn: true } },
      },
    }),
    db.customerApplication.findMany({
      where: { clientId: { in: list((r) => r.clientId) } },
      select: { clientId: true, customerId: true, customer: { select: { foreignId: true } } },
    }),
    db.customerApplication.findMany({
      where: { applicationUrn: { in: list((r) => r.applicationUrn) } },
      select: { applicationUrn: true, customerId: true },
    }),
  ]);
  return {
    customers: new Map(customers.map((c) => [c.foreignId, c])),
    keyOwners: new Map(owners.map((o) => [o.clientId, { customerId: o.customerId, foreignId: o.customer.foreignId }])),
    urnOwners: new Map(urns.flatMap((u) => (u.applicationUrn ? [[u.applicationUrn, u.customerId] as const] : []))),
  };
}

/**
 * Checks one row with LinkedIn and stores it; answers its outcome (null: another attempt already recorded it).
 * Throws only when LinkedIn can not be asked.
 */
export async function importRow(importId: string, row: PendingRow, known: Known): Promise<RowOutcome | null> {
  const { foreignId, clientId, displayName } = row;
  if (!foreignId || !clientId || !displayName || !row.clientSecretEnc)
    return refused("Bad row: it lost its fields. Upload it again.");
  let secret: string;
  try {
    secret = decryptSecret(row.clientSecretEnc, keyImportRowSecretContext(row.id));
  } catch (e) {
    if (!(e instanceof DecryptionError)) throw e;
    return refused("Onramp can no longer read this row's secret (its encryption key was retired). Upload it again.");
  }
  const customer = known.customers.get(foreignId) ?? null;
  // Issue 20 item 5: no new keys, and no LinkedIn check, for an archived customer.
  if (customer?.archivedAt) return refused(`${CUSTOMER_ARCHIVED_MESSAGE} Nothing was stored.`, customer.id);
  const owner = known.keyOwners.get(clientId);
  if (owner && owner.customerId !== customer?.id)
    return refused(
      `This API key already belongs to another customer (customer id ${owner.foreignId}); each customer has its own LinkedIn application.`,
    );
  const app = customer?.application ?? null;
  if (customer && app && app.clientId !== clientId)
    return refused(
      `This customer already has other keys (API key ${app.clientId}). If these are the right ones, replace them on the customer's settings page.`,
      customer.id,
    );
  const urnOwner = row.applicationUrn ? known.urnOwners.get(row.applicationUrn) : undefined;
  if (urnOwner && urnOwner !== customer?.id)
    return refused(`The application URN ${row.applicationUrn} belongs to another customer's keys.`);
  if (customer && app && sameSecret(decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id)), secret))
    return {
      status: "UNCHANGED",
      reason: "These keys are already stored for this customer; nothing changed.",
      customerId: customer.id,
    };

  // ASSUMPTION (LINKEDIN_IMPORT_SPACING_MS): every import's checks are spaced through one pacing row, across
  // processes. Keys already stored may have other paced calls under way: the check then also holds that
  // application's own send slot (C13, C30). New keys have no other calls yet.
  const e = env();
  const verify = () => verifyApplicationCredentials(clientId, secret);
  const check = await oneCheckAtATime(() =>
    withSendSlot(IMPORT_PACING_KEY, e.LINKEDIN_IMPORT_SPACING_MS, () =>
      app ? withSendSlot(clientId, e.LINKEDIN_BATCH_SPACING_MS, verify) : verify(),
    ),
  );
  if (!check.ok && !check.refused)
    throw new SafeError(
      "upstream_unavailable",
      `LinkedIn could not be asked about row ${row.line}: ${check.message} The job retries from this row.`,
    );
  if (!check.ok) {
    await recordAudit(SYSTEM, {
      action: "customer.application_keys_refused",
      targetType: customer ? "Customer" : "KeyImport",
      targetId: customer?.id ?? importId,
      customerId: customer?.id ?? null,
      details: { clientId, importId, line: row.line, reason: check.message },
    });
    return refused(`${check.message} Nothing was stored.`, customer?.id ?? null);
  }
  return storeRow(importId, row, { foreignId, clientId, displayName, secret }, customer);
}
