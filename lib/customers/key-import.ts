import "server-only";
// Bulk import of existing keys (C1, L21, issue 10 item 7): vendors moving customers onto Onramp bring hundreds of
// key pairs. An import is a KeyImport with one KeyImportRow per row, written with its tracked job in ONE
// transaction (nothing is queued without its rows, no row without its job). Rows whose shape is wrong or that
// repeat an earlier row of the same file get their outcome at once; the job checks every other row with LinkedIn
// (one token request, paced) and stores it, each row in its own transaction with its outcome, so a file is never
// half-imported without its rows saying which made it. The secret lives only encrypted in its row until its
// outcome is written, then it is erased (C3): never in the job's payload, a log, an error or an audit entry.
// This module starts an import; key-import-run.ts is the job (key-import-check.ts, key-import-store.ts per row).
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { encryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { assertMayStartJob, type JobRequester } from "@/lib/jobs/permissions";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { keyImportRowSecretContext } from "@/lib/linkedin";
import { triggeredByOf } from "./actor-label";
import { type KeyImportRow, type KeyImportRowInput, keyImportRowSchema, MAX_IMPORT_ROWS } from "./key-import-schemas";

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
