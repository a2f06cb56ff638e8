// Which job statuses mean "still under way" (issue 21 point 4): the one list, for Prisma filters, code and raw SQL.
// A job is active while QUEUED, RUNNING or RETRYING; SUCCEEDED, FAILED and CANCELLED are final. Pure and type-only
// on the data model, so client components may use it.
import type { JobStatus } from "@/lib/db/enums";

export const ACTIVE_JOB_STATUSES = ["QUEUED", "RUNNING", "RETRYING"] as const satisfies readonly JobStatus[];
export type ActiveJobStatus = (typeof ACTIVE_JOB_STATUSES)[number];

export const FINAL_JOB_STATUSES = ["SUCCEEDED", "FAILED", "CANCELLED"] as const satisfies readonly JobStatus[];

/** Whether a job with this status is still under way (queued, running, or waiting to be tried again). */
export function isActiveJobStatus(status: JobStatus): status is ActiveJobStatus {
  return (ACTIVE_JOB_STATUSES as readonly JobStatus[]).includes(status);
}

/** Raw SQL's form of the same test, on `column` (e.g. `j."status"`): `j."status" IN ('QUEUED', 'RUNNING', 'RETRYING')`. */
export function activeJobStatusSql(column: string): string {
  return `${column} IN (${ACTIVE_JOB_STATUSES.map((s) => `'${s}'`).join(", ")})`;
}
