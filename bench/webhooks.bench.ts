// Webhooks benchmark (issue 12), printed by `npm run bench` (or `npm run bench -- webhooks`):
// 1. events delivered per second from the outbox to a local receiver that verifies every signature with
//    standardwebhooks' own verifier (BENCH_WEBHOOK_EVENTS events, default 2000, one sender process);
// 2. push-to-receiver latency p50/p99: the LinkedIn sandbox posts signed EXPORT_CANDIDATE_PROFILE pushes to
//    Onramp's callback handler, the real job workers (pg-boss) process them and the sender relays them;
//    measured from the notification's receivedAt to the receiver's arrival time (BENCH_WEBHOOK_PUSHES,
//    default 100, sent 20 per second).
// Everything runs on this machine's shared cores, on a fresh database on TEST_DATABASE_URL's server.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { launcherEnv, processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createFreshDatabase, testDatabaseServer } from "@/scripts/stack/database";
import { freshTestSecrets } from "@/scripts/stack/secrets";

const EVENTS = Number(processEnvSnapshot().BENCH_WEBHOOK_EVENTS ?? 2000);
const PUSHES = Number(processEnvSnapshot().BENCH_WEBHOOK_PUSHES ?? 100);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function main(): Promise<void> {
  const server = await testDatabaseServer(launcherEnv().TEST_DATABASE_URL);
  const database = await createFreshDatabase(server.url, "onramp_bench_webhooks");
  try {
    await migrate({ databaseUrl: database.url, log: () => {} });
    setProcessEnv({
      ...freshTestSecrets(),
      DATABASE_URL: database.url,
      LOG_LEVEL: "error",
      JOBS_WORKERS: "true",
      WEBHOOK_POLL_MS: "50",
      OUTBOUND_ALLOW_PRIVATE_NETWORK: "true", // issue 20: the receiver is on this machine
    });
    const { startReceiver } = await import("@/lib/webhooks/test-support/receiver");
    const { createWebhookEndpoint } = await import("@/lib/webhooks/endpoints");
    const { startLoop } = await import("@/lib/jobs/loop");
    const { webhookDeliveries } = await import("@/server/composition");
    const { emitEvents } = await import("@/lib/events/emit");

    const receiver = await startReceiver();
    const { secret } = await createWebhookEndpoint({ system: "bench" }, { url: receiver.url, eventTypes: [] });
    receiver.useSecret(secret);

    // 1. Throughput: the outbox holds EVENTS events; one process's sender drains it.
    for (let i = 0; i < EVENTS; i += 200) {
      const batch = Array.from({ length: Math.min(200, EVENTS - i) }, (_, k) => ({
        type: "linkedin.push" as const,
        customerId: "bench",
        data: { n: i + k },
      }));
      await db.$transaction((tx) => emitEvents(tx, batch));
    }
    const t0 = performance.now();
    const sender = startLoop(webhookDeliveries);
    await until(`${EVENTS} deliveries`, () => receiver.received.length >= EVENTS, 600_000);
    const seconds = (performance.now() - t0) / 1000;
    const bad = receiver.received.filter((r) => !r.verified).length;
    console.log(
      `[bench] webhooks: ${EVENTS} events delivered in ${seconds.toFixed(2)} s = ${(EVENTS / seconds).toFixed(0)} events/s to a local receiver (${bad} failed verification; load average ${loadavg()[0]!.toFixed(1)})`,
    );

    // 2. Latency: LinkedIn's push reaching Onramp → the vendor's receiver getting the event.
    const { startSandbox } = await import("@/sandbox/server");
    const { startCallbackServer } = await import("@/lib/notifications/test-support/callback-server");
    const { createTestApplication } = await import("@/lib/linkedin/test-support/applications");
    const { startWorkers } = await import("@/server/worker");
    const { stopBoss } = await import("@/lib/jobs/boss");
    const sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true });
    setProcessEnv({ LINKEDIN_API_URL: sandbox.url, LINKEDIN_OAUTH_URL: sandbox.url });
    const callbacks = await startCallbackServer();
    await startWorkers();
    const app = await createTestApplication();
    await fetch(`${sandbox.url}/_sandbox/applications`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientId: app.clientId, clientSecret: app.clientSecret }),
    });
    const { callbackKey } = await db.customer.findUniqueOrThrow({
      where: { id: app.customerId },
      select: { callbackKey: true },
    });
    const mine = () => receiver.received.filter((r) => r.body?.customerId === app.customerId);
    for (let i = 0; i < PUSHES; i += 1) {
      const res = await fetch(`${sandbox.url}/_sandbox/notifications`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          clientId: app.clientId,
          type: "EXPORT_CANDIDATE_PROFILE",
          url: callbacks.urlFor(callbackKey),
          expiresAt: Date.now() + 3_600_000,
        }),
      });
      if (!res.ok) throw new Error(`sandbox push answered ${res.status}: ${await res.text()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await until(`${PUSHES} relayed pushes`, () => mine().length >= PUSHES, 300_000);
    const latencies = mine()
      .map((r) => {
        const n = (r.body!.data as { notification: { receivedAt: string } }).notification;
        return r.at - Date.parse(n.receivedAt);
      })
      .sort((a, b) => a - b);
    console.log(
      `[bench] webhooks: push-to-receiver latency over ${latencies.length} EXPORT_CANDIDATE_PROFILE pushes: p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms (job pickup + processing + sender)`,
    );
    await sender.stop();
    await stopBoss();
    await callbacks.close();
    await sandbox.close();
    await receiver.close();
  } finally {
    await disconnectDb();
    await database.drop();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error("[bench] webhooks failed:", e);
    process.exit(1);
  },
);
