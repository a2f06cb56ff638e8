// Retention benchmark (issue 24 point 4): 200,000 notifications older than RETENTION_NOTIFICATIONS_DAYS are pruned
// by the retention pass (lib/retention/sweep.ts, batches of RETENTION_BATCH_SIZE) while signed pushes keep
// arriving; intake's rate alone and during the prune are printed side by side. Intake is the bare intake server
// (bench/intake-bare-server.ts: the callback's database work, look-up, verify, one INSERT into Notification, in
// its own process), so the figures show what the deletes cost the table intake writes to, without a Next build.
//
// Run through bench/run.ts (`npm run bench -- retention`), or alone:
//   tsx --conditions=react-server bench/retention.bench.ts
// Environment: TEST_DATABASE_URL (or DATABASE_URL), the Postgres server of a fresh bench database;
// BENCH_SECONDS (default 10) of intake measured each time; BENCH_OLD_ROWS (default 200000).
import type { ChildProcess } from "node:child_process";
import { join, resolve as resolvePath } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { launcherEnv, processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { createFreshDatabase, testDatabaseServer } from "@/scripts/stack/database";
import { freePort, waitForHttp } from "@/scripts/stack/free-port";
import { freshTestSecrets } from "@/scripts/stack/secrets";
import { type Figures, load, startChild, stopChild } from "./intake.bench";

async function seedOldNotifications(customerId: string, rows: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "customerId", "linkedinId", "type", "rawBody", "signatureValid", "receivedAt",
                                "processingState", "processedAt")
    SELECT gen_random_uuid()::text, ${customerId}, 'old-' || g, 'INTEGRATION_STATUS_CHANGE',
           '{"id":"old","type":"INTEGRATION_STATUS_CHANGE"}', true, now() - interval '120 days' + g * interval '1 ms',
           'PROCESSED', now() - interval '120 days'
    FROM generate_series(1, ${rows}::int) AS g`;
  await db.$executeRaw`ANALYZE "Notification"`;
}

export default async function retentionBench(): Promise<void> {
  const le = launcherEnv();
  const outer = processEnvSnapshot();
  const seconds = Number(outer.BENCH_SECONDS ?? 10);
  const oldRows = Number(outer.BENCH_OLD_ROWS ?? 200_000);
  const server = await testDatabaseServer(le.TEST_DATABASE_URL ?? le.DATABASE_URL);
  const database = await createFreshDatabase(server.url, "onramp_bench_retention");
  const restore = Object.fromEntries(
    ["DATABASE_URL", "ONRAMP_ENCRYPTION_KEY", "NEXTAUTH_SECRET", "LOG_LEVEL"].map((k) => [k, outer[k]]),
  );
  let bare: ChildProcess | undefined;
  try {
    await migrate({ databaseUrl: database.url, log: () => {} });
    setProcessEnv({ ...freshTestSecrets(), DATABASE_URL: database.url, LOG_LEVEL: "error" });
    const { seedDemo, DEMO } = await import("@/lib/seed/demo");
    const { runRetention } = await import("@/lib/retention/sweep");
    const { customerId } = await seedDemo();
    const { callbackKey } = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const secret = DEMO.customer.application.clientSecret;
    console.log(`[retention bench] seeding ${oldRows.toLocaleString("en-US")} notifications 120 days old…`);
    await seedOldNotifications(customerId, oldRows);

    const port = await freePort();
    bare = startChild(
      join("node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "bench/intake-bare-server.ts"],
      {
        ...processEnvSnapshot(),
        BARE_PORT: String(port),
      },
    );
    await waitForHttp(`http://127.0.0.1:${port}/`, 60_000);
    const url = `http://127.0.0.1:${port}/api/linkedin/callback/${callbackKey}`;
    const alone = await load("intake alone", url, secret, seconds * 1000);

    // The prune starts with the measured intake (load() warms up for 5 s first) and runs to its end.
    const t0 = performance.now();
    let pruneMs = 0;
    const pruning = new Promise<Record<string, number>>((resolve) => setTimeout(resolve, 5_000)).then(async () => {
      const started = performance.now();
      const deleted = await runRetention();
      pruneMs = performance.now() - started;
      return deleted;
    });
    const during = await load("intake while pruning", url, secret, seconds * 1000);
    const deleted = await pruning;
    const overlap = Math.min(1, (seconds * 1000) / Math.max(1, pruneMs));
    const left = await db.notification.count({ where: { receivedAt: { lt: new Date(Date.now() - 90 * 86_400_000) } } });

    const row = (f: Figures) =>
      `  ${f.name.padEnd(24)}${f.perSecond.toFixed(0).padStart(8)} req/s  p50 ${f.p50Ms.toFixed(1)} ms  p99 ${f.p99Ms.toFixed(1)} ms  wrong answers ${f.unexpected}`;
    console.log("\nRetention: old notifications pruned while pushes arrive (issue 24 point 4)");
    console.log(row(alone));
    console.log(row(during));
    console.log(
      `  pruned ${String(deleted.notifications ?? 0)} old notifications in ${(pruneMs / 1000).toFixed(1)} s ` +
        `(${((deleted.notifications ?? 0) / Math.max(0.001, pruneMs / 1000)).toFixed(0)} rows/s, batches of ${processEnvSnapshot().RETENTION_BATCH_SIZE ?? 1000}); ` +
        `old rows left ${left}; intake while pruning ran at ${((during.perSecond / alone.perSecond) * 100).toFixed(0)}% of its rate alone`,
    );
    console.log(
      `  the prune ${overlap < 1 ? `outlasted the measured ${seconds} s` : `took ${((pruneMs / 1000 / seconds) * 100).toFixed(0)}% of the measured ${seconds} s`}; ` +
        `total ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    if (left > 0 || (deleted.notifications ?? 0) < oldRows) throw new Error(`the prune left ${left} old rows`);
  } finally {
    await disconnectDb();
    await stopChild(bare);
    setProcessEnv(restore);
    await database.drop();
    await server.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  retentionBench().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error("[retention bench] failed:", err);
      process.exit(1);
    },
  );
}
