// The set-up of the webhook test files (relay, delivery, replay .db.test.ts, issue 12): the LinkedIn sandbox, the
// callback server pushes arrive at, and a local receiver that verifies every signature with standardwebhooks' own
// verifier, registered as an endpoint for every event type. Each file gets its own (vitest runs each file in its
// own module graph); events are told apart by their customer id.
import { eventually } from "@/test/eventually";
import { killOnrampProcesses, startOnrampProcess } from "@/test/onramp-process";
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { startCallbackServer, type CallbackServer } from "@/lib/notifications/test-support/callback-server";
import { pushedFromSandbox, sandboxAdmin } from "@/lib/notifications/test-support/fixtures";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "../endpoints";
import { deliverDue } from "../send";
import { startReceiver, type Receiver, type Received } from "./receiver";

export let sandbox: SandboxHandle;
export let callbacks: CallbackServer;
export let receiver: Receiver;
export let endpointId: string;
export const admin = sandboxAdmin(() => sandbox.url);
export const operator = { system: "webhooks-test" };
export const ctx = { attempt: 1, isLastAttempt: false, progress: async () => {} };
/** Another Onramp process running only the webhook sender, one lane (test-support/sender-process.ts). */
export const startSenderProcess = () =>
  startOnrampProcess("lib/webhooks/test-support/sender-process.ts", {
    WEBHOOK_CONCURRENCY: "1",
    WEBHOOK_POLL_MS: "50",
  });

/** Runs sender rounds (as the loop in each process does) until the receiver has what `pick` wants. */
export function receivedFor(
  customerId: string,
  pick: (r: Received[]) => boolean,
  now?: () => Date,
): Promise<Received[]> {
  return eventually(`webhooks for ${customerId}`, async () => {
    await deliverDue({ now: now?.() });
    const mine = receiver.received.filter((r) => r.body?.customerId === customerId);
    return pick(mine) ? mine : null;
  });
}

export const pushed = (
  c: { clientId: string; callbackKey: string; customerId: string },
  body: Record<string, unknown>,
) => pushedFromSandbox(admin, (key) => callbacks.urlFor(key), c, body);

/** Starts the sandbox, the callback server and the receiver (with its endpoint) for this file, and stops them after. */
export function useWebhookReceiver(): void {
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true, retryDelayMs: 100 });
    useLinkedInAt(sandbox.url);
    callbacks = await startCallbackServer({ defer: () => {} });
    receiver = await startReceiver();
    const created = await createWebhookEndpoint(operator, { url: receiver.url, eventTypes: [] });
    endpointId = created.id;
    receiver.useSecret(created.secret);
  });
  afterAll(async () => {
    killOnrampProcesses();
    if (endpointId) await deleteWebhookEndpoint(operator, endpointId);
    await receiver?.close();
    await callbacks?.close();
    await sandbox?.close();
    await stopBoss();
    await disconnectDb();
  });
}
