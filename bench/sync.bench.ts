// Name sync benchmark (issue #4): 10,000 integrations across 100 customers synced against the LinkedIn
// sandbox with 10 % of batch_partial_update calls answered 429 or 500, at the contract's pacing
// (C13: at most 100 records a call, at least 1 s between calls of one application; NOT shortened).
// Prints records synced per second beside the contract's ceiling (100 records/s per application, so
// 100 × customers in aggregate), and how many names were lost (must be 0: every row SYNCED and
// LinkedIn holding exactly the stored name).
//
// Run through bench/run.ts (`npm run bench`), or alone: tsx --conditions=react-server bench/sync.bench.ts
// Environment: TEST_DATABASE_URL (or DATABASE_URL) names the Postgres server on which a fresh bench
// database is created and dropped. BENCH_SYNC_CUSTOMERS (100), BENCH_SYNC_INTEGRATIONS (10000),
// BENCH_SYNC_CONCURRENCY (20 jobs at once in the worker process; each holds one lock connection, so
// mind max_connections), BENCH_SYNC_FAULT_RATE (0.1).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { processEnvSnapshot } from "@/lib/env";
import { startBenchStack } from "./sandbox-stack";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const num = (name: string, def: number) => {
  const v = Number(processEnvSnapshot()[name]);
  return Number.isFinite(v) && v > 0 ? v : def;
};

function startWorker(concurrency: number): Promise<ChildProcess> {
  // Node with tsx's loader, not the tsx CLI (whose grandchild would outlive a kill).
  const child = spawn(process.execPath, ["--import", "tsx", "bench/sync-worker.ts", String(concurrency)], {
    cwd: ROOT,
    env: { ...processEnvSnapshot(), TSX_TSCONFIG_PATH: "lib/integrations/test-support/tsconfig.worker.json" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`bench worker exited with ${code}`)));
  });
}

export default async function syncBench(): Promise<void> {
  const customers = num("BENCH_SYNC_CUSTOMERS", 100);
  const total = num("BENCH_SYNC_INTEGRATIONS", 10_000);
  const concurrency = num("BENCH_SYNC_CONCURRENCY", 20);
  const faultRate = Math.min(1, num("BENCH_SYNC_FAULT_RATE", 0.1));
  const perCustomer = Math.ceil(total / customers);
  const stack = await startBenchStack("onramp_bench_sync", {
    LINKEDIN_BATCH_SPACING_MS: "1000", // C13, as in production
  });
  const { sandbox } = stack;
  let worker: ChildProcess | undefined;
  try {
    const { db, disconnectDb } = await import("@/lib/db/client");
    const { createTestApplication } = await import("@/lib/linkedin/test-support/applications");
    const { startCustomerSync } = await import("@/lib/integrations/start-sync");
    const { stopBoss } = await import("@/lib/jobs/boss");

    console.log(`[sync bench] seeding ${customers} customers × ${perCustomer} integrations…`);
    const apps: { customerId: string; clientId: string }[] = [];
    for (let c = 0; c < customers; c++) {
      const tag = `${c.toString().padStart(3, "0")}-${randomBytes(3).toString("hex")}`;
      const clientId = `bench-client-${tag}`;
      const secret = `bench-secret-${tag}-0123456789`;
      const { customerId } = await createTestApplication({
        clientId,
        clientSecret: secret,
        offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
      });
      sandbox.state.putApplication({ clientId, clientSecret: secret, kind: "customer", createdBy: "admin" });
      const tuples = Array.from({ length: Math.min(perCustomer, total - c * perCustomer) }, (_, i) => ({
        integrationContext: `urn:li:organization:b${c}x${i}`,
        integrationType: "ONE_CLICK_EXPORT",
        tenantType: "RECRUITER",
      }));
      for (const t of tuples) sandbox.state.authorizeIntegration(clientId, t);
      await db.integration.createMany({
        data: tuples.map((t, i) => ({ ...t, customerId, name: `Bench ${tag} integration ${i}` })),
      });
      apps.push({ customerId, clientId });
    }
    const seeded = await db.integration.count();

    const half = faultRate / 2;
    for (const status of [429, 500]) {
      await fetch(`${sandbox.url}/_sandbox/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ endpoint: "batch_partial_update", status, probability: half }),
      });
    }

    worker = await startWorker(concurrency);
    const t0 = Date.now();
    for (const a of apps) await startCustomerSync(a.customerId, { names: true }, "bench");
    let synced = 0;
    const deadline = t0 + 10 * 60_000;
    while (Date.now() < deadline) {
      synced = await db.integration.count({ where: { nameSyncState: "SYNCED" } });
      if (synced >= seeded) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - t0) / 1000;

    // Lost = not SYNCED in Onramp, or LinkedIn (the sandbox) does not hold exactly the stored name.
    const rows = await db.integration.findMany({
      select: { customerId: true, integrationContext: true, name: true, nameSyncState: true },
    });
    const clientOf = new Map(apps.map((a) => [a.customerId, a.clientId]));
    let lost = 0;
    for (const r of rows) {
      const atLinkedIn = sandbox.state.findIntegration(clientOf.get(r.customerId) ?? "", {
        integrationContext: r.integrationContext,
        integrationType: "ONE_CLICK_EXPORT",
        tenantType: "RECRUITER",
      });
      if (r.nameSyncState !== "SYNCED" || atLinkedIn?.integrationName !== r.name) lost += 1;
    }
    const calls = sandbox.state.calls.filter((c) => c.endpoint === "batch_partial_update");
    const faults = calls.filter((c) => c.fault).length;
    const spacingViolations = sandbox.state.spacingViolations.length;
    const jobs = await db.job.groupBy({ by: ["status"], _count: true, where: { kind: "SYNC_NAMES" } });
    const rate = synced / seconds;
    const timings = await db.job.findMany({
      where: { kind: "SYNC_NAMES" },
      select: { createdAt: true, startedAt: true, finishedAt: true },
    });
    const ms = (a: Date | null, b: Date | null) => (a && b ? b.getTime() - a.getTime() : 0);
    const pct = (xs: number[], p: number) =>
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
    const waits = timings.map((t) => ms(t.createdAt, t.startedAt));
    const runs = timings.map((t) => ms(t.startedAt, t.finishedAt));
    const ceiling = 100 * customers;

    console.log(
      `\n[sync bench] ${seeded} integrations, ${customers} customers (${perCustomer} each), ${concurrency} jobs at once, ${Math.round(faultRate * 100)} % injected 429/500`,
    );
    console.log(`  records synced            ${synced} of ${seeded} in ${seconds.toFixed(1)} s`);
    console.log(
      `  records per second        ${rate.toFixed(0)}  (contract ceiling: 100 per second per application = ${ceiling} across ${customers} applications; ${((rate / ceiling) * 100).toFixed(1)} % of it)`,
    );
    console.log(
      `  calls per application     ${(calls.length / customers).toFixed(2)} on average (${perCustomer} records need ${Math.ceil(perCustomer / 100)} call${perCustomer > 100 ? "s" : ""} of ≤100, ≥1 s apart: C13)`,
    );
    console.log(
      `  batch calls               ${calls.length} (${faults} answered with an injected 429/500, all retried)`,
    );
    console.log(`  spacing violations (C13)  ${spacingViolations}`);
    console.log(`  jobs                      ${jobs.map((j) => `${j.status} ${j._count}`).join(", ")}`);
    console.log(
      `  job queue wait            p50 ${pct(waits, 0.5)} ms, p95 ${pct(waits, 0.95)} ms; run p50 ${pct(runs, 0.5)} ms, p95 ${pct(runs, 0.95)} ms`,
    );
    console.log(`  LOST                      ${lost}${lost === 0 ? "" : "  <-- must be 0"}`);
    await stopBoss();
    await disconnectDb();
    if (lost > 0 || synced < seeded) process.exitCode = 1;
  } finally {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker?.once("exit", r));
      worker.kill("SIGTERM");
      await exited;
    }
    await stack.close();
  }
}

if (process.argv[1] && /sync\.bench\.ts$/.test(process.argv[1])) {
  syncBench().then(
    () => process.exit(process.exitCode ?? 0),
    (e: unknown) => {
      console.error("[sync bench] failed:", e);
      process.exit(1);
    },
  );
}
