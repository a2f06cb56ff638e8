// `npm run chaos` (issue 11): the production build, two Onramp instances on one PostgreSQL, and the LinkedIn
// sandbox, while things break:
//   (a) CHAOS_CUSTOMERS customers (2,000) × 3 integrations authorized through the real intake (the widget's
//       onintegrate server action, over HTTP) and synced, CHAOS_PROVISIONED of them (200) after their
//       application was provisioned through the vendor API; one instance is SIGKILLed and restarted
//       mid-way, and PostgreSQL is restarted once;
//   (b) CHAOS_PUSHES (5,000) signed pushes from the sandbox (LinkedIn's retry policy shortened to 5 retries
//       5 s apart) while PostgreSQL is stopped for 10 s;
//   (c) forged, replayed and malformed callbacks mixed in.
// Prints the figures (chaos/figures.ts) and exits non-zero when one that must be zero is not. Not a timed
// test and not part of `npm test`. PostgreSQL is an embedded one this run starts, stops and deletes
// itself (never the machine's). The production build lives in its own folder (NEXT_DIST_DIR, default
// .next-chaos) and is made again only when the sources changed since it was made (`--build` forces it,
// `--no-build` serves whatever is there). CHAOS_SPACING_MS (250) is the pacing Onramp and the sandbox both
// use (C13's 1 s, shortened so the run fits in minutes); CHAOS_PUSH_RATE (200) pushes a second.
// It ends with how long each phase took and the load average then (the goal: under 10 minutes on 2 cores).
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "@/lib/db/migrate";
import { processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { freePort } from "@/scripts/stack/free-port";
import { sandboxEnv, startLinkedInSandbox } from "@/scripts/stack/linkedin-sandbox";
import { failureOutput } from "@/scripts/stack/failure";
import { freshTestSecrets } from "@/scripts/stack/secrets";
import { metricsView } from "./metrics-view";
import { lap, laps, num, say, settle, sleep, started } from "./progress";
import { chaosDistDir, ensureProductionBuild, OnrampInstance, RestartablePostgres, startBalancer } from "./stack";

const ROOT = join(import.meta.dirname, "..");
async function main(): Promise<number> {
  const CUSTOMERS = num("CHAOS_CUSTOMERS", 2000);
  const PROVISIONED = Math.min(num("CHAOS_PROVISIONED", 200), CUSTOMERS);
  const PUSHES = num("CHAOS_PUSHES", 5000);
  const SPACING_MS = num("CHAOS_SPACING_MS", 250);
  const PUSH_RATE = Math.max(1, num("CHAOS_PUSH_RATE", 200));
  // A wait gives up after this long without progress (a killed worker's job is back within expiry + supervise).
  const STALL_MS = num("CHAOS_STALL_SECONDS", 120) * 1000;
  const workDir = mkdtempSync(join(tmpdir(), "onramp-chaos-"));
  const cleanups: (() => Promise<void>)[] = [() => Promise.resolve(rmSync(workDir, { recursive: true, force: true }))];
  // Ctrl-C (or a kill) still stops the instances, which run in their own process groups, and PostgreSQL.
  const interrupted = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    process.exit(130);
  };
  process.once("SIGINT", () => void interrupted());
  process.once("SIGTERM", () => void interrupted());
  try {
    const distDir = chaosDistDir();
    if (!process.argv.includes("--no-build")) {
      say(`production build in ${distDir}: made again only if the sources changed…`);
      const built = await ensureProductionBuild(distDir, process.argv.includes("--build"));
      say(built ? "built" : "the existing build is of these sources: reused");
    }
    lap("build");
    const runStarted = Date.now();
    const { pg, url: databaseUrl } = await RestartablePostgres.start(join(workDir, "pg"));
    cleanups.push(() => pg.stop());
    say(`embedded PostgreSQL on port ${pg.port} (data in ${workDir}); applying migrations…`);
    await migrate({ databaseUrl, log: () => {} });

    const sandbox = await startLinkedInSandbox({ port: await freePort(), retryDelayMs: 5000 });
    cleanups.push(() => sandbox.close());
    Object.assign(sandbox.state.settings, { maxRetries: 5, batchSpacingMs: SPACING_MS });

    const instances: OnrampInstance[] = [];
    const balancer = await startBalancer(() => instances.map((i) => i.url));
    cleanups.push(() => balancer.close());
    const secrets = freshTestSecrets();
    const appEnv = {
      ...secrets,
      ...sandboxEnv(sandbox.url),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: balancer.url,
      NEXTAUTH_URL: balancer.url,
      LINKEDIN_BATCH_SPACING_MS: String(SPACING_MS),
      LINKEDIN_BACKOFF_BASE_MS: "200",
      JOBS_CONCURRENCY: String(num("CHAOS_JOBS_CONCURRENCY", 8)),
      // A killed worker's jobs come back after 20 s rather than 15 min; retries start 2 s apart.
      JOBS_EXPIRE_SECONDS: "20",
      JOBS_RETRY_DELAY_SECONDS: "2",
      JOBS_SUPERVISE_SECONDS: "5",
      SMTP_URL: "",
      NEXT_DIST_DIR: distDir,
      WEBHOOK_POLL_MS: "1000",
      LOG_LEVEL: "warn",
      // Issue 24: the run reads GET /api/metrics at its end and checks it against its own counts.
      METRICS_TOKEN: randomBytes(24).toString("base64url"),
    };
    setProcessEnv({ ...appEnv, LOG_LEVEL: "error", JOBS_WORKERS: "false" });
    const { db, disconnectDb } = await import("@/lib/db/client");
    cleanups.push(() => disconnectDb());

    say(`seeding ${CUSTOMERS} customers, their admins and their applications at LinkedIn…`);
    const { seedCustomers } = await import("./seed");
    const customers = await seedCustomers(CUSTOMERS, PROVISIONED, sandbox.state);
    const { provisionAndIntake, vendorTokens } = await import("./provisioning");
    const provisioned = customers.slice(0, PROVISIONED);
    const tokens = await vendorTokens(PROVISIONED);

    for (const name of ["a", "b"]) {
      const port = await freePort();
      const env = { ...processEnvSnapshot(), ...appEnv, NODE_ENV: "production" as const, JOBS_WORKERS: "true" };
      instances.push(new OnrampInstance(name, port, env, join(workDir, `instance-${name}.log`)));
    }
    cleanups.push(async () => {
      for (const i of instances) await i.stop();
    });
    await Promise.all(instances.map((i) => i.start()));
    say(`instances a and b up behind ${balancer.url}`);
    lap("stack up (PostgreSQL, migrations, sandbox, seed, two instances)");

    // ── (a) intake and sync, with an instance killed and PostgreSQL restarted ──
    const { intakeActionId, intakeAll, postIntake } = await import("./intake");
    const actionId = intakeActionId(ROOT, distDir);
    const post = (c: (typeof customers)[number]) => postIntake(balancer.url, actionId, c, secrets.NEXTAUTH_SECRET);
    say(`(a) provisioning ${PROVISIONED} applications through the vendor API, intake of ${CUSTOMERS} customers…`);
    const provisioning = provisionAndIntake(provisioned, balancer.url, tokens, sandbox.state, post);
    let killed = false;
    let restarted = false;
    const chaosA: Promise<void>[] = [];
    const intake = await intakeAll(customers.slice(PROVISIONED), 12, post, (done) => {
      const share = done / (CUSTOMERS - PROVISIONED);
      if (!killed && share >= 0.3) {
        killed = true;
        chaosA.push(
          (async () => {
            const a = instances[0];
            if (!a) return;
            say("(a) SIGKILL instance a");
            a.kill();
            await sleep(5000);
            await a.start();
            say("(a) instance a restarted");
          })(),
        );
      }
      if (!restarted && share >= 0.6) {
        restarted = true;
        chaosA.push(
          (async () => {
            say("(a) restarting PostgreSQL");
            await pg.stop();
            await sleep(1000);
            await pg.start();
            say("(a) PostgreSQL is back");
          })(),
        );
      }
    });
    await Promise.all(chaosA);
    const provisionedOutcome = await provisioning;
    say(
      `(a) intake answered for every customer (${intake.retries} posts repeated after a failed answer; ${intake.failures.length + provisionedOutcome.failures.length} never answered ok)`,
    );
    for (const f of [...intake.failures, ...provisionedOutcome.failures].slice(0, 5)) say(`    ${f}`);
    lap("(a) intake and provisioning answered, instance killed, PostgreSQL restarted");
    const expected = CUSTOMERS * 3;
    await settle(
      "every integration synced",
      () => db.integration.count({ where: { nameSyncState: "SYNCED", configSyncState: "SYNCED" } }),
      expected,
      STALL_MS,
    );
    say(
      `(a) synced: ${await db.integration.count({ where: { nameSyncState: "SYNCED", configSyncState: "SYNCED" } })} of ${expected}`,
    );
    lap("(a) every integration synced");

    // ── (b) pushes while PostgreSQL is stopped for 10 s, (c) intruders mixed in ──
    const { newIntruderTally, sendIntruder, sendPush } = await import("./pushes");
    const tally = newIntruderTally();
    customers.forEach((c, i) => {
      for (const t of c.tuples) {
        const at = sandbox.state.findIntegration(c.clientId, t);
        if (at) sandbox.state.setStatus(at, i % 2 === 0 ? "PARTNER_READY" : "ENABLED");
      }
    });
    say(
      `(b) ${PUSHES} signed pushes from LinkedIn (${PUSH_RATE} a second), with forged, replayed and malformed callbacks mixed in…`,
    );
    let stopped: Promise<void> | null = null;
    const pushStarted = Date.now();
    const intruders: Promise<void>[] = [];
    // Handed to LinkedIn on the clock by a few lanes at once, not each after the previous one's answer (a burst
    // of status changes does not wait either); few lanes, so the sandbox's admin API is never flooded.
    const dueAt = (k: number) => pushStarted + ((k + 1) * 1000) / PUSH_RATE;
    const PUSH_LANES = 4;
    const pushes = Array.from({ length: PUSH_LANES }, async (_, lane) => {
      for (let k = lane; k < PUSHES; k += PUSH_LANES) {
        const c = customers[k % customers.length];
        if (!c) break;
        if (dueAt(k) > Date.now()) await sleep(dueAt(k) - Date.now());
        await sendPush(sandbox, c);
      }
    });
    for (let k = 0; k < PUSHES; k++) {
      const c = customers[k % customers.length];
      if (!c) break;
      if (k % 5 === 0) {
        const victim = customers[PROVISIONED + ((k * 31) % (CUSTOMERS - PROVISIONED))] ?? c;
        intruders.push(sendIntruder(k / 5, balancer.url, victim, sandbox, tally));
      }
      if (!stopped && k >= PUSHES * 0.2) {
        stopped = (async () => {
          const t0 = Date.now();
          await pg.stop();
          say(`(b) PostgreSQL stopped (in ${((Date.now() - t0) / 1000).toFixed(1)} s) for 10 s`);
          await sleep(10_000);
          const t1 = Date.now();
          await pg.start();
          say(`(b) PostgreSQL is back (started in ${((Date.now() - t1) / 1000).toFixed(1)} s)`);
        })();
      }
      if (dueAt(k) > Date.now()) await sleep(dueAt(k) - Date.now());
    }
    await Promise.all(pushes);
    say(`(b) ${PUSHES} pushes handed to LinkedIn in ${((Date.now() - pushStarted) / 1000).toFixed(0)} s`);
    await stopped;
    await Promise.all(intruders);
    lap("(b, c) pushes and intruders sent, PostgreSQL stopped for 10 s and back");
    await settle(
      "LinkedIn to finish delivering (answered 200 or dropped after its last retry)",
      async () => sandbox.state.counters.pushesAnswered200 + sandbox.state.counters.pushesDropped,
      PUSHES,
      STALL_MS,
    );
    say(`(b) LinkedIn done: ${JSON.stringify(sandbox.state.counters)}`);
    lap("(b) LinkedIn finished delivering (200 or dropped)");

    // ── drain: every job terminal, every stored notification processed ──
    await settle(
      "every job to reach a terminal state and every stored push to be processed",
      async () =>
        -(await db.job.count({ where: { status: { in: ["QUEUED", "RUNNING", "RETRYING"] } } })) -
        (await db.notification.count({ where: { processingState: { in: ["PENDING", "PROCESSING"] } } })),
      0,
      STALL_MS,
      (now) => `${-now} jobs and pushes left`,
    );

    lap("drain: every job terminal, every stored push processed");

    const { collectFigures, mustBeZero, printFigures } = await import("./figures");
    const figures = await collectFigures({
      customers,
      sandbox,
      publicUrl: balancer.url,
      pushesSent: PUSHES,
      intruders: tally,
      // What Next logs for a promise rejection or exception nobody handled (issue 11: one was seen in the outage).
      unhandledLines: instances.flatMap((i) =>
        readFileSync(i.logFile, "utf8")
          .split("\n")
          .filter((line) => /unhandledRejection|uncaughtException/.test(line))
          .map((line) => `instance ${i.name}: ${line.slice(0, 300)}`),
      ),
    });
    lap("figures");
    const used = process.cpuUsage();
    const cpu = {
      instances: instances.reduce((sum, i) => sum + i.cpuSeconds(), 0),
      postgres: pg.cpuSeconds(),
      driver: (used.user + used.system) / 1e6,
    };
    printFigures(
      figures,
      tally,
      { run: (Date.now() - runStarted) / 1000, total: (Date.now() - started) / 1000 },
      laps,
      cpu,
    );
    const seen = await metricsView(balancer.url, appEnv.METRICS_TOKEN, figures);
    console.log(
      `\n[chaos] GET /api/metrics beside the run's own counts\n${seen.lines.map((l) => `  ${l}`).join("\n")}`,
    );
    const bad = [...mustBeZero(figures), ["metrics disagreeing", seen.disagreements.length] as [string, number]].filter(
      ([, n]) => n !== 0,
    );
    for (const d of seen.disagreements) say(`metrics disagree: ${d}`);
    if (bad.length > 0) {
      say(`FAILED: ${bad.map(([k, n]) => `${k} ${n}`).join(", ")} (instance logs: ${workDir}, kept)`);
      cleanups.shift();
      return 1;
    }
    say("all must-be-zero figures are zero");
    return 0;
  } finally {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error("[chaos] cleanup:", e));
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error("[chaos] failed:", failureOutput(e));
    process.exit(1);
  },
);
