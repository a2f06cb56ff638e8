import "server-only";
// Issue 24 point 4: every kind of record that grows with use is deleted once older than its retention setting
// (lib/env/operations.ts), by the retention schedule (server/composition.ts), in small batches: each batch is one
// short statement that takes only rows nobody holds (FOR UPDATE SKIP LOCKED), so intake and the workers never
// wait behind it. What is still needed is never deleted: a notification an open anomaly points at (or one that
// is FAILED, waiting for support), an event with a delivery still pending, a pending delivery, a queued email,
// a job not finished. docs/OPERATIONS.md, "Retention".
import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { env, type ServerEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { isShuttingDown } from "@/lib/runtime/shutdown";

type RetentionKind = {
  /** The kind, as logs and docs name it. */
  kind: string;
  table: string;
  /** Days kept; null: a fixed horizon of `fixedDays`. */
  setting: keyof ServerEnv | null;
  fixedDays?: number;
  /** Which rows may go, given the cutoff; `t` is the table. Each is served by an index (see prisma/schema.prisma). */
  deletable(cutoff: Prisma.Sql): Prisma.Sql;
};

export const RETENTION_KINDS: readonly RetentionKind[] = [
  {
    kind: "notifications",
    table: "Notification",
    setting: "RETENTION_NOTIFICATIONS_DAYS",
    deletable: (cutoff) => Prisma.sql`t."processingState" IN ('PROCESSED', 'NOT_HANDLED', 'EXPIRED')
      AND t."receivedAt" < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM "Anomaly" a WHERE a."notificationId" = t."id" AND a."resolvedAt" IS NULL)`,
  },
  {
    kind: "webhook deliveries",
    table: "WebhookDelivery",
    setting: "RETENTION_DELIVERIES_DAYS",
    deletable: (cutoff) => Prisma.sql`t."state" IN ('DELIVERED', 'FAILED') AND t."createdAt" < ${cutoff}`,
  },
  {
    kind: "events",
    table: "Event",
    setting: "RETENTION_EVENTS_DAYS",
    deletable: (cutoff) => Prisma.sql`t."createdAt" < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = t."id" AND d."state" = 'PENDING')`,
  },
  {
    kind: "audit entries",
    table: "AuditLog",
    setting: "RETENTION_AUDIT_DAYS",
    deletable: (cutoff) => Prisma.sql`t."createdAt" < ${cutoff}`,
  },
  {
    kind: "emails",
    table: "Email",
    setting: "RETENTION_EMAILS_DAYS",
    deletable: (cutoff) => Prisma.sql`t."status" IN ('SENT', 'FAILED', 'SUPPRESSED') AND t."createdAt" < ${cutoff}`,
  },
  {
    kind: "jobs",
    table: "Job",
    setting: "RETENTION_JOBS_DAYS",
    deletable: (cutoff) => Prisma.sql`t."status" IN ('SUCCEEDED', 'FAILED', 'CANCELLED') AND t."createdAt" < ${cutoff}`,
  },
  {
    kind: "resolved anomalies",
    table: "Anomaly",
    setting: "RETENTION_ANOMALIES_DAYS",
    deletable: (cutoff) => Prisma.sql`t."resolvedAt" IS NOT NULL AND t."resolvedAt" < ${cutoff}`,
  },
  {
    kind: "callback rejection counters",
    table: "CallbackRejectionCounter",
    setting: "RETENTION_NOTIFICATIONS_DAYS",
    deletable: (cutoff) => Prisma.sql`t."lastAt" < ${cutoff}`,
  },
  // Rate-limit rows count only within their window (an hour at most, lib/auth/sign-in-throttle.ts); a day is ample.
  {
    kind: "rate-limit hits",
    table: "RateLimitHit",
    setting: null,
    fixedDays: 1,
    deletable: (c) => Prisma.sql`t."at" < ${c}`,
  },
  // Idempotency keys and sign-in links carry their own end; a day past it they can answer nothing.
  {
    kind: "API idempotency keys",
    table: "ApiIdempotencyKey",
    setting: null,
    fixedDays: 1,
    deletable: (cutoff) => Prisma.sql`t."expiresAt" < ${cutoff}`,
  },
  {
    kind: "sign-in links",
    table: "AdminSignInLink",
    setting: null,
    fixedDays: 1,
    deletable: (cutoff) => Prisma.sql`t."expiresAt" < ${cutoff}`,
  },
];

function daysOf(k: RetentionKind): number {
  const v = k.setting ? env()[k.setting] : k.fixedDays;
  if (typeof v !== "number") throw new Error(`retention of ${k.kind}: ${String(k.setting)} is not a number of days`);
  return v;
}

/** Deletes one batch of `k`'s expired rows that nobody holds; answers how many. */
export async function pruneBatch(k: RetentionKind, batchSize: number): Promise<number> {
  const cutoff = Prisma.sql`now() - make_interval(days => ${daysOf(k)}::int)`;
  const table = Prisma.raw(`"${k.table}"`);
  // ctid: one statement finds and deletes the same physical rows, whatever the table's key is.
  return db.$executeRaw`
    DELETE FROM ${table} WHERE ctid = ANY(ARRAY(
      SELECT t.ctid FROM ${table} t WHERE ${k.deletable(cutoff)} LIMIT ${batchSize} FOR UPDATE SKIP LOCKED))`;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One retention pass: every kind, batch after batch, until a batch comes back short. Stops early when the
 * instance is stopping (the next pass goes on). Answers the rows deleted per kind.
 */
export async function runRetention(opts: { batchSize?: number } = {}): Promise<Record<string, number>> {
  const batchSize = opts.batchSize ?? env().RETENTION_BATCH_SIZE;
  const deleted: Record<string, number> = {};
  for (const k of RETENTION_KINDS) {
    let total = 0;
    for (;;) {
      if (isShuttingDown()) return deleted;
      const n = await pruneBatch(k, batchSize);
      total += n;
      if (n < batchSize) break;
      await yieldToOthers();
    }
    deleted[k.kind] = total;
    if (total > 0) logger().info({ kind: k.kind, deleted: total, days: daysOf(k) }, "retention: old rows deleted");
  }
  return deleted;
}
