import "server-only";
// The key import job's work (C1, L21, issue 10 item 7): every row still PENDING, a round at a time, each checked
// and stored on its own; the counts the job and the page show; and the rows an abandoned import leaves.
import { db } from "@/lib/db/client";
import type { KeyImportRowStatus } from "@/lib/db/enums";
import type { JobProgress } from "@/lib/jobs/types";
import { importRow, knownFor } from "./key-import-check";
import { recordRowOutcome } from "./key-import-rows";

/** Rows read per round of the job (each still checked and stored on its own). */
const ROUND = 50;
/**
 * Rows handled at once within the job: their LinkedIn checks still leave one at a time through the pacing row;
 * the database work of one row overlaps the next row's check.
 */
const ROWS_AT_ONCE = 4;

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
