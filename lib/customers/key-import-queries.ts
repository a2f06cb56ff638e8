import "server-only";
// Reads of bulk imports (issue 10 item 7) for the console page and the vendor API: the import's state, counts per
// outcome and a page of rows. Never a secret (C3): clientSecretEnc is not selected.
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { importCounts } from "./key-import-run";
import { COUNT_OF_STATUS, type KeyImportView } from "./key-import-schemas";

export const IMPORT_ROWS_PER_PAGE = 100;

const TERMINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

export async function keyImportView(
  importId: string,
  opts: { page?: number; status?: KeyImportView["rows"][number]["status"] } = {},
): Promise<KeyImportView> {
  const found = await db.keyImport.findUnique({
    where: { id: importId },
    select: { id: true, rowCount: true, jobId: true, createdAt: true },
  });
  if (!found) throw new SafeError("not_found", "No such import.");
  const job = found.jobId ? await db.job.findUnique({ where: { id: found.jobId }, select: { status: true } }) : null;
  const counts = await importCounts(importId);
  const where = { importId, ...(opts.status ? { status: opts.status } : {}) };
  const matching = opts.status ? counts[COUNT_OF_STATUS[opts.status]] : found.rowCount;
  const pageCount = Math.max(1, Math.ceil(matching / IMPORT_ROWS_PER_PAGE));
  const page = Math.min(Math.max(1, opts.page ?? 1), pageCount);
  const rows = await db.keyImportRow.findMany({
    where,
    orderBy: { line: "asc" },
    skip: (page - 1) * IMPORT_ROWS_PER_PAGE,
    take: IMPORT_ROWS_PER_PAGE,
    select: {
      line: true,
      foreignId: true,
      displayName: true,
      clientId: true,
      status: true,
      reason: true,
      customerId: true,
    },
  });
  const state = counts.pending === 0 ? "DONE" : job && TERMINAL.has(job.status) ? "STOPPED" : "RUNNING";
  return {
    id: found.id,
    state,
    rowCount: found.rowCount,
    counts,
    jobId: found.jobId,
    createdAt: found.createdAt.toISOString(),
    rows,
    page,
    pageCount,
  };
}

export type KeyImportListItem = {
  id: string;
  fileName: string | null;
  rowCount: number;
  createdAt: Date;
  triggeredBy: string;
};

/** The latest imports, newest first, for the console's import page. */
export async function recentKeyImports(limit = 10): Promise<KeyImportListItem[]> {
  return db.keyImport.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, fileName: true, rowCount: true, createdAt: true, triggeredBy: true },
  });
}
