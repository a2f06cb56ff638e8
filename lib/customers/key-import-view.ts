// A bulk import of existing keys as the console shows it (issue 10 item 7), without zod: the upload form and the
// progress view are client components, and a client bundle carries no zod (docs/ARCHITECTURE.md). The schemas that
// check requests and describe the API (./key-import-schemas.ts) use these same lists.
import type { KeyImportView } from "./key-import-schemas";

/** The CSV's columns, in the documented order (the header may use these names or the aliases below). */
export const IMPORT_COLUMNS = [
  "foreignId",
  "displayName",
  "clientId",
  "clientSecret",
  "applicationUrn",
  "offeredIntegrationTypes",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const KEY_IMPORT_ROW_STATUSES = ["PENDING", "IMPORTED", "UNCHANGED", "REFUSED"] as const;
export const KEY_IMPORT_STATES = ["RUNNING", "DONE", "STOPPED"] as const;

type RowStatus = (typeof KEY_IMPORT_ROW_STATUSES)[number];
/** Where each outcome is counted in an import's `counts`. */
export const COUNT_OF_STATUS = {
  PENDING: "pending",
  IMPORTED: "imported",
  UNCHANGED: "unchanged",
  REFUSED: "refused",
} as const satisfies Record<RowStatus, string>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isTextOrNull = (v: unknown) => v === null || typeof v === "string";
const isOneOf = (list: readonly string[], v: unknown) => typeof v === "string" && list.includes(v);

function isRow(v: unknown): boolean {
  return (
    isRecord(v) &&
    isInt(v.line) &&
    isOneOf(KEY_IMPORT_ROW_STATUSES, v.status) &&
    ["foreignId", "displayName", "clientId", "reason", "customerId"].every((k) => isTextOrNull(v[k]))
  );
}

/** Whether a polled answer has the shape of GET /api/console/key-imports/{id} (keyImportSchema). */
export function isKeyImportView(v: unknown): v is KeyImportView {
  return (
    isRecord(v) &&
    typeof v.id === "string" &&
    isOneOf(KEY_IMPORT_STATES, v.state) &&
    [v.rowCount, v.page, v.pageCount].every(isInt) &&
    isRecord(v.counts) &&
    Object.values(COUNT_OF_STATUS).every((k) => isRecord(v.counts) && isInt(v.counts[k])) &&
    isTextOrNull(v.jobId) &&
    typeof v.createdAt === "string" &&
    Array.isArray(v.rows) &&
    v.rows.every(isRow)
  );
}
