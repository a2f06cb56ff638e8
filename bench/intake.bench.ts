// Intake benchmark (issue #5): signed push notifications per second and p50/p99 latency at 64
// concurrent connections, against the PRODUCTION build of Onramp (`next build` + `npm start`) on real
// Postgres, printed beside the same figures for a minimal bare node:http server doing the same work
// (look the customer up, decrypt its secret, verify, insert one row; bench/intake-bare-server.ts) in
// the same run, and the ratio between them.
//
// Run through bench/run.ts (`npm run bench`, or `npm run bench -- intake`), or alone:
//   tsx --conditions=react-server bench/intake.bench.ts
// Environment: TEST_DATABASE_URL (or DATABASE_URL) names the Postgres server on which a fresh bench
// database is created and dropped; BENCH_SECONDS (default 10) per server; NEXT_DIST_DIR (default
// .next-bench) the build folder; BENCH_SKIP_BUILD=1 reuses an existing build there.
// Both servers and the load generator share this machine's cores: compare the ratio, not the figures
// of another machine. Onramp also queues a processing job per notification after answering (job
// workers are off in this run, so no LinkedIn lookups happen); the bare server does not.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { Agent, request } from "node:http";
import { join, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { launcherEnv, processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { signNotification } from "@/lib/notifications/signature";
import { createFreshDatabase, testDatabaseServer } from "@/scripts/stack/database";
import { freePort, waitForHttp } from "@/scripts/stack/free-port";
import { freshTestSecrets } from "@/scripts/stack/secrets";

const CONNECTIONS = 64;
// Next compiles and JIT-warms a route on its first requests; 5 s gets both servers past that.
const WARMUP_MS = 5_000;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

export type Figures = {
  name: string;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  unexpected: number;
};

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function startChild(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env });
  return child;
}

export function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** 64 connections, each sending signed notifications back to back for `ms`; latencies of the measured part. */
export async function load(name: string, url: string, secret: string, ms: number, expected = 200): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(url);
  const post = (): Promise<{ status: number; ms: number }> => {
    const body = JSON.stringify({ id: randomUUID(), type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
    const headers = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "x-li-signature": signNotification(secret, body),
    };
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent, headers },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };
  const latencies: number[] = [];
  let unexpected = 0;
  const warmEnd = performance.now() + WARMUP_MS;
  let measureStart = 0;
  let measureEnd = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < warmEnd) await post();
      measureStart ||= performance.now();
      const stopAt = warmEnd + ms;
      while (performance.now() < stopAt) {
        const r = await post();
        latencies.push(r.ms);
        if (r.status !== expected) unexpected += 1;
      }
      measureEnd = Math.max(measureEnd, performance.now());
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const seconds = (measureEnd - measureStart) / 1000;
  return {
    name,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    unexpected,
  };
}

function print(rows: Figures[]): void {
  console.log(`\nIntake of signed push notifications, ${CONNECTIONS} concurrent connections (issue #5)`);
  console.log(
    `  ${"server".padEnd(34)}${"requests".padStart(10)}${"req/s".padStart(10)}${"p50".padStart(11)}${"p99".padStart(11)}${"wrong answer".padStart(14)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(34)}${String(r.requests).padStart(10)}${r.perSecond.toFixed(0).padStart(10)}${`${r.p50Ms.toFixed(1)} ms`.padStart(11)}${`${r.p99Ms.toFixed(1)} ms`.padStart(11)}${String(r.unexpected).padStart(14)}`,
    );
  }
  const [app, bare, floor] = rows;
  if (app && bare) {
    console.log(
      `  ratio Onramp / bare: throughput ${(app.perSecond / bare.perSecond).toFixed(2)}x, p50 ${(app.p50Ms / bare.p50Ms).toFixed(2)}x, p99 ${(app.p99Ms / bare.p99Ms).toFixed(2)}x`,
    );
  }
  if (app && floor) {
    console.log(
      `  reference: the same Next.js server answering an unknown key (404, one indexed query, nothing else) does ${floor.perSecond.toFixed(0)} req/s;\n` +
        `  the full intake (verify, store, queue the job) runs at ${((app.perSecond / floor.perSecond) * 100).toFixed(0)}% of that framework ceiling.`,
    );
  }
}

export default async function intakeBench(): Promise<void> {
  const le = launcherEnv();
  const outer = processEnvSnapshot();
  const seconds = Number(outer.BENCH_SECONDS ?? 10);
  const distDir = outer.NEXT_DIST_DIR || ".next-bench";
  const server = await testDatabaseServer(le.TEST_DATABASE_URL ?? le.DATABASE_URL);
  const database = await createFreshDatabase(server.url, "onramp_bench");
  const restore = Object.fromEntries(
    [
      "DATABASE_URL",
      "ONRAMP_ENCRYPTION_KEY",
      "NEXTAUTH_SECRET",
      "NEXT_DIST_DIR",
      "JOBS_WORKERS",
      "LOG_LEVEL",
      "PUBLIC_URL",
      "NEXTAUTH_URL",
    ].map((k) => [k, outer[k]]),
  );
  let app: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    await migrate({ databaseUrl: database.url, log: () => {} });
    setProcessEnv({
      ...freshTestSecrets(),
      DATABASE_URL: database.url,
      NEXT_DIST_DIR: distDir,
      JOBS_WORKERS: "false",
      LOG_LEVEL: "error",
    });
    const { seedDemo, DEMO } = await import("@/lib/seed/demo");
    const { customerId } = await seedDemo();
    const { callbackKey } = await db.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { callbackKey: true },
    });
    const secret = DEMO.customer.application.clientSecret;

    if (outer.BENCH_SKIP_BUILD !== "1" || !existsSync(join(ROOT, distDir, "BUILD_ID"))) {
      console.log(`[intake bench] building the production app into ${distDir}…`);
      const code = await run(join("node_modules", ".bin", "next"), ["build"], processEnvSnapshot());
      if (code !== 0) throw new Error(`next build failed (exit ${code})`);
    }

    const appPort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}`;
    setProcessEnv({ PUBLIC_URL: appUrl, NEXTAUTH_URL: appUrl });
    app = startChild(
      process.execPath,
      ["--import", "tsx", "scripts/serve.ts", "-p", String(appPort), "-H", "127.0.0.1"],
      processEnvSnapshot(),
    );
    await waitForHttp(`${appUrl}/sign-in`, 120_000);
    const appFigures = await load(
      "Onramp (npm start, route)",
      `${appUrl}/api/linkedin/callback/${callbackKey}`,
      secret,
      seconds * 1000,
    );
    const floorFigures = await load(
      "Onramp, unknown key (404)",
      `${appUrl}/api/linkedin/callback/no-such-callback-key-000000`,
      secret,
      seconds * 1000,
      404,
    );
    await stopChild(app);

    const barePort = await freePort();
    bare = startChild(
      join("node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "bench/intake-bare-server.ts"],
      { ...processEnvSnapshot(), BARE_PORT: String(barePort) },
    );
    await waitForHttp(`http://127.0.0.1:${barePort}/`, 60_000);
    const bareFigures = await load(
      "bare node:http (verify + insert)",
      `http://127.0.0.1:${barePort}/api/linkedin/callback/${callbackKey}`,
      secret,
      seconds * 1000,
    );
    await stopChild(bare);

    const stored = await db.notification.count({ where: { customerId } });
    print([appFigures, bareFigures, floorFigures]);
    console.log(
      `  rows stored: ${stored} (every 200 is one row); measured ${seconds} s per run after ${WARMUP_MS / 1000} s of warm-up`,
    );
  } finally {
    await disconnectDb();
    await stopChild(app);
    await stopChild(bare);
    setProcessEnv(restore);
    await database.drop();
    await server.stop();
  }
}

// Run alone: `tsx --conditions=react-server bench/intake.bench.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  intakeBench().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error("[intake bench] failed:", err);
      process.exit(1);
    },
  );
}
