// Issue 20, point 1: the webhook SSRF of the issue, against the production instance (outbound private off).
// Save: every spelling of an address inside is registered through POST /api/v1/webhook-endpoints with a
// webhooks:manage token; a 2xx got through. Send: endpoint rows pointing at a listener this probe runs on
// 127.0.0.1 (and ::1) are forced into the database, a test event is sent through the API, and once the instance's
// sender has recorded its attempt, any connection the listener saw got through.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { type Listener, startListener } from "@/lib/egress/test-support/listener";
import { newSigningSecret, sealSecret } from "@/lib/webhooks/secret";
import type { AttackStack, Probe, Tally } from "../types";

/** How long the instance's sender may take to record a delivery's attempt before the probe gives up. */
const RECORDED_WITHIN_MS = 120_000;

/** Addresses inside written every way a URL allows; `port` is where a listener may be. */
function insideUrls(port: number, sandboxUrl: string): string[] {
  const sandboxPort = new URL(sandboxUrl).port;
  return [
    `${sandboxUrl}/_sandbox/state`, // the issue's own attack
    `http://localhost:${sandboxPort}/_sandbox/state`,
    `https://localhost:${sandboxPort}/_sandbox/state`,
    ...[
      "127.0.0.1",
      "127.1",
      "2130706433",
      "0x7f.1",
      "0x7f000001",
      "0177.0.0.1",
      "%31%32%37.0.0.1",
      "localhost",
      "LOCALHOST.",
      "api.localhost",
      "0.0.0.0",
      "0",
      "[::1]",
      "[::]",
      "[::ffff:7f00:1]",
      "[::ffff:127.0.0.1]",
      "[64:ff9b::7f00:1]",
    ].flatMap((host) => [`https://${host}:${port}/hooks`, `http://${host}:${port}/hooks`]),
    "https://169.254.169.254/latest/meta-data/",
    "https://[::ffff:a9fe:a9fe]/latest/meta-data/",
    "https://10.0.0.5/hooks",
    "https://172.16.0.1/hooks",
    "https://192.168.1.1/hooks",
    "https://100.64.0.1/hooks",
    "https://[fc00::1]/hooks",
    "https://[fd00::1]/hooks",
    "https://[fe80::1]/hooks",
    "https://224.0.0.1/hooks",
    "https://255.255.255.255/hooks",
    "https://[2002:7f00:1::]/hooks",
    "http://ats.example.com/hooks", // plain http anywhere
  ];
}

async function trySave(stack: AttackStack, token: string, url: string): Promise<boolean> {
  const res = await fetch(`${stack.baseUrl}/api/v1/webhook-endpoints`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ url, eventTypes: ["webhook.test"] }),
  });
  await res.text();
  return res.ok;
}

/** Forces an endpoint with `url` in, sends it a test event through the API, waits for the recorded attempt. */
async function trySend(stack: AttackStack, token: string, url: string): Promise<void> {
  const id = `we_probe_${randomUUID().replaceAll("-", "")}`;
  await db.webhookEndpoint.create({
    data: { id, url, eventTypes: ["webhook.test"], secretEnc: sealSecret(id, newSigningSecret()) },
  });
  const res = await fetch(`${stack.baseUrl}/api/v1/webhook-endpoints/${id}/test`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 202) throw new Error(`the test event for ${url} was not queued: HTTP ${res.status}`);
  const { eventId } = (await res.json()) as { eventId: string };
  const deadline = Date.now() + RECORDED_WITHIN_MS;
  for (;;) {
    const attempts = await db.webhookAttempt.count({
      where: { delivery: { endpointId: id, eventId: BigInt(eventId.slice("evt_".length)) } },
    });
    if (attempts > 0) return;
    if (Date.now() > deadline)
      throw new Error(`no delivery attempt to ${url} recorded within ${RECORDED_WITHIN_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function listenerOnLoopback6(): Promise<Listener | null> {
  try {
    return await startListener({ host: "::1" });
  } catch {
    return null; // no IPv6 loopback on this machine: its spellings are still tried at save
  }
}

export const probe: Probe = {
  name: "egress",
  async run(stack) {
    const token = await stack.vendorToken(["webhooks:manage"]);
    const v4 = await startListener({ host: "127.0.0.1" });
    const v6 = await listenerOnLoopback6();
    try {
      const saves = insideUrls(v4.port, stack.sandboxUrl);
      let saved = 0;
      for (const url of saves) if (await trySave(stack, token, url)) saved += 1;

      const sends = [
        ...insideUrls(v4.port, stack.sandboxUrl).filter((u) => u.includes(`:${v4.port}/`) && !u.includes("[")),
        `http://[::ffff:127.0.0.1]:${v4.port}/hooks`,
        `https://[::ffff:7f00:1]:${v4.port}/hooks`,
        ...(v6 ? [`http://[::1]:${v6.port}/hooks`, `https://[::1]:${v6.port}/hooks`] : []),
      ];
      const seen = () => v4.connections() + (v6?.connections() ?? 0);
      let reached = 0;
      for (const url of sends) {
        const before = seen();
        await trySend(stack, token, url);
        if (seen() > before) reached += 1;
      }
      const rows: Tally[] = [
        { attack: "webhook endpoint inside the network, saved (API)", tried: saves.length, gotThrough: saved },
        {
          attack: "webhook endpoint inside the network, sent to (test event)",
          tried: sends.length,
          gotThrough: reached,
        },
      ];
      return rows;
    } finally {
      await v4.close();
      await v6?.close();
    }
  },
};
