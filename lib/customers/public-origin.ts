import "server-only";
// L6, L9, RSC-105: LinkedIn's plugin loads only on an origin the application lists in validJsSdkDomains. When
// PUBLIC_URL changes, every provisioned application must learn the new origin: at start-up each instance compares
// PUBLIC_URL's origin with the one recorded in Setting and, when they differ, records the new one and queues the
// domains job (SYNC_APP_DOMAINS) in the same transaction (an outbox: the job is never lost, never queued without
// the record). One conditional upsert decides: of several instances starting at once, only the one whose
// statement changed the row queues the job; the others see the origin already recorded.
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getBoss } from "@/lib/jobs/boss";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";

/** Setting key: the public origin for which the domains job was last queued, and that job. */
export const DOMAINS_ORIGIN_SETTING = "linkedin.jsSdkDomainsOrigin";

export type OriginCheck = { queued: false; origin: string } | { queued: true; origin: string; jobId: string };

export async function queueDomainsSyncIfPublicUrlChanged(): Promise<OriginCheck> {
  const origin = new URL(env().PUBLIC_URL).origin;
  await getBoss(); // started before the transaction, so racing instances do not hold their row locks through it
  return db.$transaction(
    async (tx) => {
      // A concurrent instance's upsert waits for this one's commit and then re-checks the WHERE against it.
      const changed = await tx.$queryRaw<{ previous: string | null }[]>`
      INSERT INTO "Setting" ("key", "value", "updatedAt")
      VALUES (${DOMAINS_ORIGIN_SETTING}, jsonb_build_object('origin', ${origin}::text), now() AT TIME ZONE 'UTC')
      ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = EXCLUDED."updatedAt"
        WHERE "Setting"."value"->>'origin' IS DISTINCT FROM ${origin}::text
      RETURNING (SELECT s."value"->>'origin' FROM "Setting" s WHERE s."key" = ${DOMAINS_ORIGIN_SETTING}) AS "previous"`;
      if (changed.length === 0) return { queued: false, origin };
      const previous = changed[0]?.previous ?? null;
      const { trackedJobId } = await enqueueTrackedJob(
        { kind: "SYNC_APP_DOMAINS", customerId: null, payload: {}, triggeredBy: "system:public-url-change" },
        tx,
      );
      await tx.setting.update({
        where: { key: DOMAINS_ORIGIN_SETTING },
        data: { value: { origin, jobId: trackedJobId } },
      });
      await recordAudit(
        { system: "public-url-change" },
        {
          action: "settings.public_origin_changed",
          targetType: "Job",
          targetId: trackedJobId,
          details: { from: previous, to: origin },
        },
        tx,
      );
      return { queued: true, origin, jobId: trackedJobId };
    },
    { timeout: 30_000 },
  );
}
