// Bulk import benchmark (issue 10 item 7): a 2,000-row file of existing keys checked against the LinkedIn sandbox,
// one token request per row through the import's pacing (LINKEDIN_IMPORT_SPACING_MS, shared by every process, and
// each application's own send slot, C13/C30). Prints rows per second, the calls LinkedIn received, whether the
// pacing held (no two checks in flight at once, and at least the spacing between one answer and the next request),
// then the same file again: every stored row comes back unchanged without a call.
//
// Run through bench/run.ts (`npm run bench -- import`), or alone: tsx --conditions=react-server bench/key-import.bench.ts
// Environment: TEST_DATABASE_URL (or DATABASE_URL) names the Postgres server on which a fresh bench database is
// created and dropped. BENCH_IMPORT_ROWS (2000), BENCH_IMPORT_SPACING_MS (5: the sandbox's fast pacing; production
// default 100), BENCH_IMPORT_REFUSED_RATE (0.05 of the rows carry a secret LinkedIn refuses).
import { randomBytes } from "node:crypto";
import { processEnvSnapshot } from "@/lib/env";
import { DEFAULT_PARENT } from "@/sandbox/server";
import { startBenchStack } from "./sandbox-stack";

const num = (name: string, def: number) => {
  const v = Number(processEnvSnapshot()[name]);
  return Number.isFinite(v) && v >= 0 && processEnvSnapshot()[name] !== undefined ? v : def;
};

export default async function keyImportBench(): Promise<void> {
  const total = num("BENCH_IMPORT_ROWS", 2000);
  const spacingMs = num("BENCH_IMPORT_SPACING_MS", 5);
  const refusedRate = Math.min(1, num("BENCH_IMPORT_REFUSED_RATE", 0.05));
  const stack = await startBenchStack("onramp_bench_import", {
    LINKEDIN_CLIENT_ID: DEFAULT_PARENT.clientId,
    LINKEDIN_CLIENT_SECRET: DEFAULT_PARENT.clientSecret,
    LINKEDIN_IMPORT_SPACING_MS: String(spacingMs),
    LINKEDIN_BATCH_SPACING_MS: "1000", // C13, as in production: each application's own slot
  });
  const { sandbox } = stack;
  try {
    const { db, disconnectDb } = await import("@/lib/db/client");
    const { startKeyImport } = await import("@/lib/customers/key-import");
    const { keyImportView } = await import("@/lib/customers/key-import-queries");
    const { jobHandlers } = await import("@/server/jobs");
    const { runOne } = await import("@/lib/jobs/run");
    const { stopBoss } = await import("@/lib/jobs/boss");
    await (await import("@/lib/jobs/boss")).getBoss(); // the job engine's start-up is not the import's time
    const handler = jobHandlers().IMPORT_APPLICATION_KEYS;
    if (!handler) throw new Error("IMPORT_APPLICATION_KEYS has no handler");

    const tag = randomBytes(3).toString("hex");
    const rows = Array.from({ length: total }, (_, i) => {
      const app = sandbox.state.putApplication({ kind: "customer", createdBy: "admin" });
      const refused = i % Math.max(1, Math.round(1 / Math.max(refusedRate, 1e-9))) === 7;
      return {
        foreignId: `bench-import-${tag}-${i}`,
        displayName: `Bench import ${i}`,
        clientId: app.clientId,
        clientSecret: refused ? `not-the-secret-${i}-0123456789` : app.clientSecret,
        applicationUrn: app.urn,
        offeredIntegrationTypes: "RECRUITER_SYSTEM_CONNECT_COMPANY;APPLY_CONNECT",
      };
    });
    const actor = { system: "bench" } as const;

    const runFile = async (label: string) => {
      const callsBefore = sandbox.state.calls.length;
      const t0 = Date.now();
      const started = await startKeyImport(actor, { rows, fileName: `${label}.csv` });
      const queuedMs = Date.now() - t0;
      await runOne(handler, { data: { trackedJobId: started.jobId }, retryCount: 0, retryLimit: 4 });
      const seconds = (Date.now() - t0) / 1000;
      const view = await keyImportView(started.importId);
      const calls = sandbox.state.calls.slice(callsBefore).filter((c) => c.endpoint === "token");
      return { seconds, queuedMs, view, calls, job: await db.job.findUniqueOrThrow({ where: { id: started.jobId } }) };
    };

    console.log(
      `[import bench] ${total} rows, import spacing ${spacingMs} ms, ${Math.round(refusedRate * 100)} % wrong secrets…`,
    );
    const first = await runFile("first");
    // Pacing: calls sorted by arrival; a call must arrive after the previous answer left, plus the spacing.
    const sorted = [...first.calls].sort((a, b) => a.at - b.at);
    let overlapping = 0;
    let minGapMs = Number.POSITIVE_INFINITY;
    for (let i = 1; i < sorted.length; i += 1) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (!prev || !cur) continue;
      const gap = cur.at - (prev.at + prev.durationMs);
      if (gap < 0) overlapping += 1;
      minGapMs = Math.min(minGapMs, gap);
    }
    const perApp = new Map<string, number>();
    for (const c of first.calls) perApp.set(c.clientId ?? "?", (perApp.get(c.clientId ?? "?") ?? 0) + 1);
    const counted = await db.linkedInCallCount.aggregate({
      _sum: { count: true },
      where: { endpoint: "POST /oauth/v2/accessToken" },
    });
    // Millisecond clocks: a gap of spacing − 1 ms is the same instant rounded down.
    const held = overlapping === 0 && minGapMs >= spacingMs - 1;
    const c = first.view.counts;
    console.log(`\n[import bench] ${total} rows`);
    console.log(
      `  rows per second           ${(total / first.seconds).toFixed(1)}  (${first.seconds.toFixed(1)} s; the spacing allows at most ${spacingMs > 0 ? (1000 / spacingMs).toFixed(0) : "∞"} checks per second)`,
    );
    console.log(`  rows stored and queued    in ${first.queuedMs} ms (one transaction, secrets encrypted)`);
    console.log(
      `  outcomes                  ${c.imported} imported, ${c.unchanged} unchanged, ${c.refused} refused, ${c.pending} pending`,
    );
    console.log(
      `  calls to LinkedIn         ${first.calls.length} token requests received by the sandbox; ${counted._sum.count ?? 0} counted by Onramp; at most ${Math.max(...perApp.values())} per application`,
    );
    console.log(
      `  pacing                    ${held ? "HELD" : "BROKEN"}: ${overlapping} check(s) in flight at once, min ${Number.isFinite(minGapMs) ? minGapMs : "–"} ms between an answer and the next request (spacing ${spacingMs} ms)`,
    );
    console.log(`  job                       ${first.job.status}: ${first.job.outcome ?? ""}`);

    const again = await runFile("again");
    const a = again.view.counts;
    console.log(
      `  same file again           ${(total / again.seconds).toFixed(0)} rows/s: ${a.unchanged} unchanged, ${a.imported} imported, ${a.refused} refused; ${again.calls.length} token requests (only the refused rows are asked again)`,
    );

    await stopBoss();
    await disconnectDb();
    const expectedRefused = rows.filter((r) => r.clientSecret.startsWith("not-the-secret")).length;
    if (!held || c.pending > 0 || c.refused !== expectedRefused || a.imported > 0 || a.unchanged !== c.imported)
      process.exitCode = 1;
  } finally {
    await stack.close();
  }
}

if (process.argv[1] && /key-import\.bench\.ts$/.test(process.argv[1])) {
  keyImportBench().then(
    () => process.exit(process.exitCode ?? 0),
    (e: unknown) => {
      console.error("[import bench] failed:", e);
      process.exit(1);
    },
  );
}
