// Issue 24 point 2: one trace follows a push, exported over OTLP/HTTP to a receiver in this test (real HTTP, the
// exporter's own JSON): the callback's span, the processing job's (its parent carried in the queue job's data),
// the LinkedIn call inside the job, and the webhook delivery of the event the job emitted (its parent stored on
// the event). Log lines written inside a span carry its trace id. The LinkedIn side is the sandbox.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { setProcessEnv } from "@/lib/env";
import { getBoss, queueName, stopBoss } from "@/lib/jobs/boss";
import { runOne } from "@/lib/jobs/run";
import type { QueuedJobData } from "@/lib/jobs/tracker";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { logMixin } from "@/lib/log/logger";
import { processNotificationJob } from "@/lib/notifications/jobs";
import { type CallbackServer, startCallbackServer } from "@/lib/notifications/test-support/callback-server";
import {
  newTuple,
  pushedFromSandbox,
  requestedIntegration,
  sandboxAdmin,
  testCustomer,
} from "@/lib/notifications/test-support/fixtures";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { deliverDue } from "@/lib/webhooks/send";
import { type Receiver, startReceiver } from "@/lib/webhooks/test-support/receiver";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import { eventually } from "@/test/eventually";
import { flushTracing, startTracing } from "./setup";
import { inSpan } from "./spans";

type ExportedSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string };

let collector: Server;
const spans: ExportedSpan[] = [];
let sandbox: SandboxHandle;
let callbacks: CallbackServer;
let receiver: Receiver;
let endpointId: string;
const admin = sandboxAdmin(() => sandbox.url);
const operator = { system: "tracing-test" };

beforeAll(async () => {
  // A minimal OTLP/HTTP traces receiver: the exporter posts JSON to /v1/traces.
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[];
      };
      for (const r of body.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const { port } = collector.address() as AddressInfo;
  setProcessEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` });
  expect(startTracing()).toBe(true);
  sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true, retryDelayMs: 100 });
  useLinkedInAt(sandbox.url);
  callbacks = await startCallbackServer();
  receiver = await startReceiver();
  const created = await createWebhookEndpoint(operator, { url: receiver.url, eventTypes: [] });
  endpointId = created.id;
  receiver.useSecret(created.secret);
});
afterAll(async () => {
  if (endpointId) await deleteWebhookEndpoint(operator, endpointId);
  await receiver?.close();
  await callbacks?.close();
  await sandbox?.close();
  await new Promise((resolve) => collector?.close(resolve));
  await stopBoss();
  await disconnectDb();
});

describe("a push's trace", () => {
  it("runs from the callback through its job and the LinkedIn call to the event delivered to the vendor", async () => {
    const c = await testCustomer(admin);
    const { tuple } = await requestedIntegration(admin, c, newTuple(), "PARTNER_READY");
    await admin("POST", "/integrations/move", { clientId: c.clientId, ...tuple, status: "ENABLED" });
    const n = await pushedFromSandbox(admin, (key) => callbacks.urlFor(key), c, {
      type: "INTEGRATION_STATUS_CHANGE",
      integrations: [tuple],
    });
    await Promise.all(callbacks.deferred);

    // The job the callback queued, run here as a worker runs it: its trace context came through the queue.
    const tracked = await db.job.findFirstOrThrow({
      where: { kind: "PROCESS_NOTIFICATION", payload: { path: ["notificationId"], equals: n.id } },
    });
    const boss = await getBoss();
    const queued = await boss.getJobById<QueuedJobData>(queueName("PROCESS_NOTIFICATION"), tracked.queueJobId ?? "");
    expect(queued?.data.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    await runOne(processNotificationJob, { data: queued!.data, retryCount: 0, retryLimit: 4 });
    await eventually("the event delivered", async () => {
      await deliverDue();
      return receiver.received.find((r) => r.body?.customerId === c.customerId) ?? null;
    });
    await flushTracing();

    const traceId = queued!.data.traceparent!.split("-")[1]!;
    const span = (name: RegExp) =>
      eventually(`span ${name.source}`, async () => {
        await flushTracing();
        return spans.find((s) => s.traceId === traceId && name.test(s.name)) ?? null;
      });
    const callback = await span(/^linkedin callback$/);
    const job = await span(/^job PROCESS_NOTIFICATION$/);
    const call = await span(/^linkedin GET \/v2\/atsIntegrations/);
    const delivery = await span(/^webhook delivery$/);
    expect(callback.parentSpanId ?? "").toBe("");
    expect(job.parentSpanId).toBe(callback.spanId);
    expect(call.parentSpanId).toBe(job.spanId);
    expect(delivery.parentSpanId).toBe(job.spanId);
  });

  it("puts the trace id on log lines written inside a span, and none outside", async () => {
    expect(logMixin()).toEqual({});
    const inside = await inSpan("test span", {}, async () => ({
      mixin: logMixin(),
      traceId: trace.getActiveSpan()?.spanContext().traceId,
    }));
    expect(inside.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(inside.mixin).toEqual({ trace_id: inside.traceId });
  });
});
