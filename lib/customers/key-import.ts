import "server-only";
// Bulk import of existing keys (C1, L21, issue 10 item 7): vendors moving customers onto Onramp bring hundreds of
// key pairs. An import is a KeyImport with one KeyImportRow per row, written with its tracked job in ONE
// transaction (nothing is queued without its rows, no row without its job). Rows whose shape is wrong or that
// repeat an earlier row of the same file get their outcome at once; the job checks every other row with LinkedIn
// (one token request, paced) and stores it, each row in its own transaction with its outcome, so a file is never
// half-imported without its rows saying which made it. The secret lives only encrypted in its row until its
// outcome is written, then it is erased (C3): never in the job's payload, a log, an error or an audit entry.
import { randomUUID, timingSafeEqual } from "node:crypto";
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import { DecryptionError, decryptSecret, encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import type { KeyImportRowStatus } from "@/lib/db/enums";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { assertMayStartJob, type JobRequester } from "@/lib/jobs/permissions";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import type { JobProgress } from "@/lib/jobs/types";
import {
  customerAppSecretContext,
  keyImportRowSecretContext,
  verifyApplicationCredentials,
  withSendSlot,
} from "@/lib/linkedin";
import { triggeredByOf } from "./actor-label";
import { CUSTOMER_ARCHIVED_MESSAGE } from "./archived";
import { newCallbackKey } from "./callback-url";
import { type KeyImportRow, type KeyImportRowInput, keyImportRowSchema, MAX_IMPORT_ROWS } from "./key-import-schemas";
import { secretRollData } from "./secret-roll";
import { isUniqueViolation } from "./unique-violation";

/** The pacing row (lib/linkedin/pacing.ts) that spaces every import's token requests, across processes. */
export const IMPORT_PACING_KEY = "onramp:key-import";
/** Rows read per round of the job (each still checked and stored on its own). */
const ROUND = 50;
/**
 * Rows handled at once within the job: their LinkedIn checks still leave one at a time through the pacing row;
 * the database work of one row overlaps the next row's check.
 */
const ROWS_AT_ONCE = 4;
/** What a row shows of its own fields: enough to find it in the file. */
const SHOWN_CHARS = 255;

const shown = (v: string | undefined) => (v === undefined ? null : v.trim().slice(0, SHOWN_CHARS) || null);

function shapeProblems(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join(".") || "row"}: ${i.message}`).join("; ");
}

type PlannedRow = {
  id: string;
  line: number;
  input: KeyImportRowInput;
  valid: KeyImportRow | null;
  reason: string | null;
};

/** Checks each row's shape and refuses repeats within the file (the first occurrence is kept). Pure. */
export function planImportRows(rows: readonly KeyImportRowInput[]): PlannedRow[] {
  const firstLineOf = { foreignId: new Map<string, number>(), clientId: new Map<string, number>() };
  return rows.map((input, index) => {
    const line = index + 1;
    const id = randomUUID();
    const parsed = keyImportRowSchema.safeParse(input);
    if (!parsed.success)
      return { id, line, input, valid: null, reason: `Bad row: ${shapeProblems(parsed.error)}. Nothing was stored.` };
    const row = parsed.data;
    for (const key of ["foreignId", "clientId"] as const) {
      const earlier = firstLineOf[key].get(row[key]);
      if (earlier !== undefined)
        return {
          id,
          line,
          input,
          valid: null,
          reason: `Duplicate in the file: row ${earlier} has the same ${key === "foreignId" ? "customer id" : "API key"}. Only row ${earlier} is imported.`,
        };
    }
    firstLineOf.foreignId.set(row.foreignId, line);
    firstLineOf.clientId.set(row.clientId, line);
    return { id, line, input, valid: row, reason: null };
  });
}

export type StartedImport = { importId: string; jobId: string; rowCount: number; message: string };

/** Stores the rows (secrets encrypted) and queues their check, in one transaction. */
export async function startKeyImport(
  actor: JobRequester,
  input: { rows: readonly KeyImportRowInput[]; fileName?: string | null },
): Promise<StartedImport> {
  assertMayStartJob(actor, "IMPORT_APPLICATION_KEYS");
  if (input.rows.length === 0) throw new SafeError("unprocessable", "The import has no rows.");
  if (input.rows.length > MAX_IMPORT_ROWS)
    throw new SafeError(
      "unprocessable",
      `The import has ${input.rows.length} rows; split it into files of at most ${MAX_IMPORT_ROWS}.`,
    );
  const planned = planImportRows(input.rows);
  const importId = randomUUID();
  const now = new Date();
  return db.$transaction(
    async (tx) => {
      await tx.keyImport.create({
        data: {
          id: importId,
          fileName: input.fileName ?? null,
          rowCount: planned.length,
          triggeredBy: triggeredByOf(actor),
        },
      });
      await tx.keyImportRow.createMany({
        data: planned.map((r) => ({
          id: r.id,
          importId,
          line: r.line,
          foreignId: r.valid?.foreignId ?? shown(r.input.foreignId),
          displayName: r.valid?.displayName ?? shown(r.input.displayName),
          clientId: r.valid?.clientId ?? shown(r.input.clientId),
          applicationUrn: r.valid?.applicationUrn ?? null,
          offeredIntegrationTypes: r.valid?.offeredIntegrationTypes ?? [],
          // C3: encrypted and bound to its row; only rows still to check keep one.
          clientSecretEnc: r.valid ? encryptSecret(r.valid.clientSecret, keyImportRowSecretContext(r.id)) : null,
          status: r.valid ? ("PENDING" as const) : ("REFUSED" as const),
          reason: r.reason,
          processedAt: r.valid ? null : now,
        })),
      });
      const { trackedJobId } = await enqueueTrackedJob(
        {
          kind: "IMPORT_APPLICATION_KEYS",
          customerId: null,
          // Only the import's id: the rows and their secrets stay in KeyImportRow (C3).
          payload: { importId },
          triggeredBy: triggeredByOf(actor),
        },
        tx,
      );
      await tx.keyImport.update({ where: { id: importId }, data: { jobId: trackedJobId } });
      const refused = planned.filter((r) => !r.valid).length;
      await recordAudit(
        actor,
        {
          action: "customers.key_import_started",
          targetType: "KeyImport",
          targetId: importId,
          details: {
            fileName: input.fileName ?? null,
            rows: planned.length,
            refusedAtOnce: refused,
            jobId: trackedJobId,
          },
        },
        tx,
      );
      return {
        importId,
        jobId: trackedJobId,
        rowCount: planned.length,
        message:
          `${planned.length} row(s) received` +
          (refused ? `, ${refused} refused at once (bad or duplicate rows)` : "") +
          ". The others are being checked with LinkedIn.",
      };
    },
    { timeout: 60_000 },
  );
}

type PendingRow = {
  id: string;
  line: number;
  foreignId: string | null;
  displayName: string | null;
  clientId: string | null;
  applicationUrn: string | null;
  offeredIntegrationTypes: string[];
  clientSecretEnc: string | null;
};

type RowOutcome = { status: Exclude<KeyImportRowStatus, "PENDING">; reason: string; customerId: string | null };

const refused = (reason: string, customerId: string | null = null): RowOutcome => ({
  status: "REFUSED",
  reason,
  customerId,
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SYSTEM: AuditActor = { system: "key-import" };

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

/** Records a row's outcome (and erases its secret) unless another run already did. */
async function recordRowOutcome(rowId: string, outcome: RowOutcome) {
  await db.keyImportRow.updateMany({
    where: { id: rowId, status: "PENDING" },
    data: { ...outcome, clientSecretEnc: null, processedAt: new Date() },
  });
}

type StoredCustomer = {
  id: string;
  archivedAt: Date | null;
  application: { id: string; clientId: string; clientSecretEnc: string; applicationUrn: string | null } | null;
};

/** What the database already holds about a round of rows: read in three queries, not three per row. */
type Known = {
  customers: Map<string, StoredCustomer>;
  keyOwners: Map<string, { customerId: string; foreignId: string }>;
  urnOwners: Map<string, string>;
};

async function knownFor(rows: readonly PendingRow[]): Promise<Known> {
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
async function importRow(importId: string, row: PendingRow, known: Known): Promise<RowOutcome | null> {
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

async function storeRow(
  importId: string,
  row: PendingRow,
  keys: { foreignId: string; clientId: string; displayName: string; secret: string },
  customer: StoredCustomer | null,
): Promise<RowOutcome | null> {
  const now = new Date();
  const audit = { importId, line: row.line, clientId: keys.clientId, verified: true };
  try {
    return await db.$transaction(async (tx) => {
      // Locks the row first: a stale attempt of the job that already decided it stores nothing.
      const claimed = await tx.keyImportRow.updateMany({
        where: { id: row.id, status: "PENDING" },
        data: { processedAt: now },
      });
      if (claimed.count === 0) return null;
      let customerId = customer?.id;
      if (!customerId) {
        ({ id: customerId } = await tx.customer.create({
          data: {
            displayName: keys.displayName,
            foreignId: keys.foreignId,
            offeredIntegrationTypes: row.offeredIntegrationTypes,
            callbackKey: newCallbackKey(), // C21
          },
          select: { id: true },
        }));
        await recordAudit(
          SYSTEM,
          {
            action: "customer.created",
            targetType: "Customer",
            targetId: customerId,
            customerId,
            details: {
              displayName: keys.displayName,
              foreignId: keys.foreignId,
              offeredIntegrationTypes: row.offeredIntegrationTypes,
              importId,
              line: row.line,
            },
          },
          tx,
        );
      }
      const existing = customer?.application ?? null;
      const urn = row.applicationUrn ? { applicationUrn: row.applicationUrn } : {};
      const fresh = {
        accessTokenEnc: null,
        accessTokenExpiresAt: null,
        lastAuthError: null,
        lastAuthErrorAt: null,
        lastVerifiedAt: now,
      };
      let reason: string;
      if (existing) {
        // The same API key with a new secret (rotated in LinkedIn's developer portal): the old one stays accepted
        // for pushes during the overlap (L7), as when it is entered by hand.
        await tx.customerApplication.update({
          where: { id: existing.id },
          data: { ...secretRollData(existing.id, existing.clientSecretEnc, keys.secret, now), ...urn, ...fresh },
        });
        reason = `LinkedIn accepted the new secret; it replaced the stored one (the previous one is accepted for pushes for ${env().LINKEDIN_SECRET_OVERLAP_HOURS} hours).`;
      } else {
        const applicationId = randomUUID();
        await tx.customerApplication.create({
          data: {
            id: applicationId,
            customerId,
            clientId: keys.clientId,
            clientSecretEnc: encryptSecret(keys.secret, customerAppSecretContext(applicationId)),
            clientSecretHint: secretHint(keys.secret),
            origin: "MANUAL",
            secretSetAt: now,
            ...urn,
            ...fresh,
          },
        });
        reason = customer
          ? "LinkedIn accepted these keys; they were added to the existing customer."
          : "LinkedIn accepted these keys; the customer was created with them.";
      }
      await recordAudit(
        SYSTEM,
        {
          action: existing ? "customer.application_keys_replaced" : "customer.application_keys_set",
          targetType: "Customer",
          targetId: customerId,
          customerId,
          details: audit,
        },
        tx,
      );
      const outcome: RowOutcome = { status: "IMPORTED", reason, customerId };
      await tx.keyImportRow.update({ where: { id: row.id }, data: { ...outcome, clientSecretEnc: null } });
      return outcome;
    });
  } catch (e) {
    // Another import or an operator stored the same customer id, API key or URN meanwhile.
    for (const field of ["foreignId", "clientId", "applicationUrn", "customerId"] as const)
      if (isUniqueViolation(e, field))
        return refused(`Another change stored the same ${field} while this row was checked. Upload the row again.`);
    throw e;
  }
}

/** Rows per outcome (the job's counts and the page's progress). */
export type ImportRunResult = { imported: number; unchanged: number; refused: number; pending: number };

export async function importCounts(importId: string): Promise<ImportRunResult> {
  const groups = await db.keyImportRow.groupBy({ by: ["status"], where: { importId }, _count: { _all: true } });
  const n = (s: KeyImportRowStatus) => groups.find((g) => g.status === s)?._count._all ?? 0;
  return { imported: n("IMPORTED"), unchanged: n("UNCHANGED"), refused: n("REFUSED"), pending: n("PENDING") };
}

/**
 * The job's work: every row still PENDING, in file order. Safe to run again after a crash: a row's outcome is
 * committed with what it stored, so a re-run picks up exactly the rows that have none.
 */
export async function runKeyImport(
  importId: string,
  progress: (p: JobProgress) => Promise<void>,
): Promise<ImportRunResult> {
  const report = async () => {
    const c = await importCounts(importId);
    await progress({
      total: c.imported + c.unchanged + c.refused + c.pending,
      succeeded: c.imported + c.unchanged,
      failed: c.refused,
    });
    return c;
  };
  await report();
  for (;;) {
    const rows = await db.keyImportRow.findMany({
      where: { importId, status: "PENDING" },
      orderBy: { line: "asc" },
      take: ROUND,
      select: {
        id: true,
        line: true,
        foreignId: true,
        displayName: true,
        clientId: true,
        applicationUrn: true,
        offeredIntegrationTypes: true,
        clientSecretEnc: true,
      },
    });
    if (rows.length === 0) return report();
    const known = await knownFor(rows);
    await inPool(rows, ROWS_AT_ONCE, async (row) => {
      const outcome = await importRow(importId, row, known);
      // IMPORTED rows recorded their outcome with what they stored.
      if (outcome && outcome.status !== "IMPORTED") await recordRowOutcome(row.id, outcome);
    });
    await report();
  }
}

/**
 * Runs `work` on every item, `size` at a time. On a failure no new item starts; the ones under way finish (so no
 * row is left half-decided) and the first error is thrown.
 */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (failures.length === 0 && next < items.length) {
      const item = items[next++];
      if (item === undefined) return;
      await work(item).catch((error: unknown) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  if (failures.length > 0) throw failures[0];
}

/** The last attempt failed: the rows never checked say so, and their secrets are erased (C3). */
export async function abandonPendingRows(importId: string, why: string): Promise<number> {
  const { count } = await db.keyImportRow.updateMany({
    where: { importId, status: "PENDING" },
    data: {
      status: "REFUSED",
      clientSecretEnc: null,
      processedAt: new Date(),
      reason: `Not imported: the import stopped before this row was checked (${why}). Upload the file again: rows already imported come back as unchanged.`,
    },
  });
  return count;
}
