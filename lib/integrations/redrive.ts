import "server-only";
// The sweep that re-drives names and configurations with no live job (C28; "crashes lose nothing"):
// a crash between a commit and its enqueue, a job that died on its last attempt, or a row left SYNCING
// by a killed worker. Rows SYNCING with no live job of their kind go back to PENDING; customers with
// PENDING work and no live job get a new sync job. FAILED rows wait for a person (support's retry).
import { activeJobStatusSql } from "@/lib/jobs/status";
import { db } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { QUEUE_JOB_IS_LIVE } from "@/lib/jobs/reconcile";
import { logger } from "@/lib/log/logger";
import { startCustomerSync } from "./start-sync";

/** Work this recent may still have its job on the way (the request that wrote it enqueues next). */
const REDRIVE_AFTER_SECONDS = 60;
/** A configuration waiting for the customer's value is looked at again at most this often. */
const WAITING_RECHECK_MINUTES = 15;
const BATCH = 500;

const noLiveJob = (kind: "SYNC_NAMES" | "SYNC_CONFIGURATIONS") => `NOT EXISTS (
  SELECT 1 FROM "Job" j WHERE j."customerId" = i."customerId" AND j."kind" = '${kind}'
    AND ${activeJobStatusSql('j."status"')} AND ${QUEUE_JOB_IS_LIVE})`;

export type RedriveSummary = { released: number; namesQueued: number; configurationsQueued: number };

/** All customers, or one (`customerId`: support's re-check of one customer, and tests on a shared database). */
export async function redrivePendingSyncs(scope: { customerId?: string } = {}): Promise<RedriveSummary> {
  const only = scope.customerId ?? null;
  await getBoss(); // the live-job check reads pg-boss's tables, which exist once it has started
  const inScope = `($1::text IS NULL OR i."customerId" = $1::text)`;
  const releasedNames = await db.$executeRawUnsafe(
    `UPDATE "Integration" i SET "nameSyncState" = 'PENDING' WHERE ${inScope} AND i."nameSyncState" = 'SYNCING' AND ${noLiveJob("SYNC_NAMES")}`,
    only,
  );
  const releasedConfigs = await db.$executeRawUnsafe(
    `UPDATE "Integration" i SET "configSyncState" = 'PENDING' WHERE ${inScope} AND i."configSyncState" = 'SYNCING' AND ${noLiveJob("SYNC_CONFIGURATIONS")}`,
    only,
  );
  const names = await db.$queryRawUnsafe<{ customerId: string }[]>(
    `SELECT DISTINCT i."customerId" FROM "Integration" i JOIN "Customer" c ON c."id" = i."customerId" AND c."archivedAt" IS NULL
     WHERE ${inScope} AND i."nameSyncedVersion" < i."nameVersion" AND i."nameSyncState" = 'PENDING'
       AND i."updatedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${REDRIVE_AFTER_SECONDS})
       AND ${noLiveJob("SYNC_NAMES")}
     LIMIT ${BATCH}`,
    only,
  );
  const configs = await db.$queryRawUnsafe<{ customerId: string }[]>(
    `SELECT DISTINCT i."customerId" FROM "Integration" i JOIN "Customer" c ON c."id" = i."customerId" AND c."archivedAt" IS NULL
     WHERE ${inScope} AND i."configSyncState" = 'PENDING'
       AND i."updatedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${REDRIVE_AFTER_SECONDS})
       AND ${noLiveJob("SYNC_CONFIGURATIONS")}
       AND (i."configSyncError" IS NULL OR NOT EXISTS (
         SELECT 1 FROM "Job" r WHERE r."customerId" = i."customerId" AND r."kind" = 'SYNC_CONFIGURATIONS'
           AND r."createdAt" > (now() AT TIME ZONE 'UTC') - make_interval(mins => ${WAITING_RECHECK_MINUTES})))
     LIMIT ${BATCH}`,
    only,
  );
  for (const { customerId } of names) await startCustomerSync(customerId, { names: true }, "system:reconcile");
  for (const { customerId } of configs)
    await startCustomerSync(customerId, { configurations: true }, "system:reconcile");
  const summary = {
    released: releasedNames + releasedConfigs,
    namesQueued: names.length,
    configurationsQueued: configs.length,
  };
  if (summary.released + summary.namesQueued + summary.configurationsQueued > 0)
    logger().info(summary, "re-drove pending syncs with no live job");
  return summary;
}
