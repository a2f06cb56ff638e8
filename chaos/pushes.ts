// Phase (b) and (c) of the chaos run: LinkedIn's signed pushes, sent by the sandbox to the callback URL it
// holds for each application, with forged, replayed and malformed callbacks from elsewhere mixed in.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { SandboxHandle } from "@/sandbox/server";
import { postOnce, postStatus } from "./http";
import type { ChaosCustomer } from "./seed";

export type IntruderTally = {
  forgedSent: number;
  /** Forged or malformed callbacks answered 2xx: must be 0. */
  forgedAccepted: number;
  replaysSent: number;
  /** Replays answered 200 (received again, C23) — they must not add rows, which the row count shows. */
  replaysAnswered200: number;
  malformedSent: number;
  /** Answers by status, for the report. */
  statuses: Record<string, number>;
};

const sign = (secret: string, body: string) =>
  createHmac("sha256", Buffer.from(secret, "utf8")).update(`hmacsha256=${body}`, "utf8").digest("hex");

/** LinkedIn sends a push for `c`'s integrations: the sandbox signs it and retries it (C19–C23). */
export async function sendPush(sandbox: SandboxHandle, c: ChaosCustomer): Promise<void> {
  const res = await postOnce(
    `${sandbox.url}/_sandbox/notifications`,
    JSON.stringify({ clientId: c.clientId, type: "INTEGRATION_STATUS_CHANGE", integrations: c.tuples }),
  );
  if (res.status !== 202) throw new Error(`the sandbox refused a push: ${res.status} ${res.text}`);
}

export function newIntruderTally(): IntruderTally {
  return { forgedSent: 0, forgedAccepted: 0, replaysSent: 0, replaysAnswered200: 0, malformedSent: 0, statuses: {} };
}

const post = (url: string, body: string, signature: string | null) =>
  postStatus(url, { "content-type": "application/json", ...(signature ? { "X-LI-Signature": signature } : {}) }, body);

/**
 * One callback that is not LinkedIn's: `k` picks the kind, in turn. Forged = a well-formed body under a
 * signature made without the secret, or none, or to a made-up key; replayed = a push the sandbox already
 * delivered, sent again byte for byte; malformed = signed with the right secret but not a notification,
 * or larger than the bound.
 */
export async function sendIntruder(
  k: number,
  publicUrl: string,
  c: ChaosCustomer,
  sandbox: SandboxHandle,
  tally: IntruderTally,
): Promise<void> {
  const url = `${publicUrl}/api/linkedin/callback/${c.callbackKey}`;
  const forgedBody = JSON.stringify({ id: `forged-${randomUUID()}`, type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
  let status: number;
  let kind: "forged" | "replay" | "malformed";
  switch (k % 8) {
    case 0:
      kind = "forged";
      status = await post(url, forgedBody, sign(randomBytes(12).toString("base64url"), forgedBody));
      break;
    case 1:
      kind = "forged";
      status = await post(url, forgedBody, null);
      break;
    case 2:
      kind = "forged";
      status = await post(
        `${publicUrl}/api/linkedin/callback/${randomBytes(32).toString("base64url")}`,
        forgedBody,
        sign(c.clientSecret, forgedBody),
      );
      break;
    case 3:
      kind = "forged";
      // The right signature of another body: the check is over the exact bytes (C20).
      status = await post(url, forgedBody.replace("}", " }"), sign(c.clientSecret, forgedBody));
      break;
    case 4:
    case 5: {
      const delivered = sandbox.state.notifications.filter((n) => n.outcome === "delivered" && n.signature);
      const original = delivered[(k * 7919) % Math.max(1, delivered.length)];
      if (!original?.signature) return;
      kind = "replay";
      status = await post(original.url, original.body, original.signature);
      break;
    }
    case 6: {
      kind = "malformed";
      const bodies = [
        "{not json",
        "[]",
        JSON.stringify({ type: "INTEGRATION_STATUS_CHANGE" }),
        JSON.stringify({ id: 7 }),
      ];
      const body = bodies[k % bodies.length] ?? "{}";
      status = await post(url, body, sign(c.clientSecret, body));
      break;
    }
    default: {
      kind = "malformed";
      const huge = JSON.stringify({ id: randomUUID(), type: "INTEGRATION_STATUS_CHANGE", pad: "x".repeat(70_000) });
      status = await post(url, huge, sign(c.clientSecret, huge));
    }
  }
  tally.statuses[`${kind} ${status}`] = (tally.statuses[`${kind} ${status}`] ?? 0) + 1;
  if (kind === "replay") {
    tally.replaysSent += 1;
    if (status === 200) tally.replaysAnswered200 += 1;
  } else {
    if (kind === "forged") tally.forgedSent += 1;
    else tally.malformedSent += 1;
    if (status >= 200 && status < 300) tally.forgedAccepted += 1;
  }
}
