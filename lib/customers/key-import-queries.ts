import "server-only";
// Reads of bulk imports (issue 10 item 7) for the console page and the vendor API: the import's state, counts per
// outcome and a page of rows. Never a secret (C3): clientSecretEnc is not selected.
import { db } from "@/lib/db/client";
import { IMPORT_ROWS_PAGE_SIZE, pagedRows } from "@/lib/pagination/page";
import { SafeError } from "@/lib/errors/safe-error";
import { importCounts } from "./key-import-run";
import { COUNT_OF_STATUS, type KeyImportView } from "./key-import-schemas";

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
  // A page past the end shows the last one; the total comes from the counts already read, not a second count.
  const lastPage = Math.max(1, Math.ceil(matching / IMPORT_ROWS_PAGE_SIZE));
  const { rows, page, pageCount } = await pagedRows(
    Math.min(Math.max(1, opts.page ?? 1), lastPage),
    IMPORT_ROWS_PAGE_SIZE,
    ({ limit, offset }) => [
      db.keyImportRow.findMany({
        where,
        orderBy: { line: "asc" },
        skip: offset,
        take: limit,
        select: {
          line: true,
          foreignId: true,
          displayName: true,
          clientId: true,
          status: true,
          reason: true,
          customerId: true,
        },
      }),
      Promise.resolve(matching),
    ],
  );
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
