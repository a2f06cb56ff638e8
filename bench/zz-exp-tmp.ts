import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { setProcessEnv } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { createFreshDatabase } from "@/scripts/stack/database";
import { freshTestSecrets } from "@/scripts/stack/secrets";
import { signNotification } from "@/lib/notifications/signature";

const mode = process.argv[2] ?? "noop";
const database = await createFreshDatabase("postgresql://postgres@127.0.0.1:5432/test", "onramp_exp");
await migrate({ databaseUrl: database.url, log: () => {} });
setProcessEnv({ ...freshTestSecrets(), DATABASE_URL: database.url, LOG_LEVEL: "error" });
const { seedDemo, DEMO } = await import("@/lib/seed/demo");
const { db, disconnectDb } = await import("@/lib/db/client");
const { startCallbackServer } = await import("@/lib/notifications/test-support/callback-server");
const { enqueueNotificationProcessing } = await import("@/lib/notifications/enqueue");
const { customerId } = await seedDemo();
const { callbackKey } = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
const srv = await startCallbackServer({ defer: mode === "enqueue" ? (w) => void w() : () => {} });
void enqueueNotificationProcessing;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const url = new URL(srv.urlFor(callbackKey));
const lat: number[] = [];
const end = performance.now() + 5000;
await Promise.all(Array.from({ length: 64 }, async () => {
  while (performance.now() < end) {
    const body = JSON.stringify({ id: randomUUID(), type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
    const t0 = performance.now();
    await new Promise<void>((res, rej) => {
      const r = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers: { "content-type": "application/json", "x-li-signature": signNotification(DEMO.customer.application.clientSecret, body), "content-length": Buffer.byteLength(body) } }, (resp) => { resp.resume(); resp.on("end", () => res()); });
      r.on("error", rej); r.end(body);
    });
    lat.push(performance.now() - t0);
  }
}));
lat.sort((a, b) => a - b);
console.log(mode, "req/s", (lat.length / 5).toFixed(0), "p50", lat[Math.floor(lat.length / 2)]!.toFixed(1), "p99", lat[Math.floor(lat.length * 0.99)]!.toFixed(1));
await srv.close(); await disconnectDb(); await database.drop();
process.exit(0);
