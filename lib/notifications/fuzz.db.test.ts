// Fuzz (issue #5): thousands of generated bodies, headers and keys through receiveNotification with
// real Requests on real Postgres. Invariants: no 5xx for bad input, nothing accepted without a valid
// signature, every accepted notification stored exactly once, every refusal counted.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import { parseNotificationBody } from "./payload";
import { receiveNotification } from "./receive";
import { checkSignature, signNotification } from "./signature";

const CASES = 3000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

/** mulberry32: small, seedable, good enough to generate inputs. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const chance = (p: number) => random() < p;

const ASCII = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
const asciiString = (max: number) => Array.from({ length: int(max) }, () => ASCII[int(ASCII.length)]).join("");
const unicodeString = (max: number) =>
  Array.from({ length: int(max) }, () =>
    pick(["a", "é", "\u0000", "\u2028", "😀", "\ud800", '"', "\\", "\n", "ß", "𝕏"]),
  ).join("");

function randomJson(depth = 0): unknown {
  switch (int(depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return chance(0.5);
    case 2:
      return pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 1481402799192]);
    case 3:
      return chance(0.5) ? asciiString(20) : unicodeString(10);
    case 4:
      return pick(["INTEGRATION_STATUS_CHANGE", "EXPORT_CANDIDATE_PROFILE", ""]);
    case 5:
      return Array.from({ length: int(4) }, () => randomJson(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: int(4) }, () => [
          pick(["id", "type", "expiresAt", "x", "__proto__", asciiString(5)]),
          randomJson(depth + 1),
        ]),
      );
  }
}

function nearValidNotification(): string {
  const n: Record<string, unknown> = {
    id: `${randomUUID()}-${int(6)}`,
    type: "INTEGRATION_STATUS_CHANGE",
    expiresAt: 0,
  };
  for (let k = int(3); k > 0; k -= 1) {
    const field = pick(["id", "type", "expiresAt", "extra"]);
    if (chance(0.3)) delete n[field];
    else n[field] = randomJson(1);
  }
  if (chance(0.05)) n.id = "x".repeat(pick([511, 512, 513, 2000]));
  return JSON.stringify(n);
}

function body(): Uint8Array {
  switch (int(6)) {
    case 0:
      return Uint8Array.from({ length: int(300) }, () => int(256));
    case 1:
      return Buffer.from(JSON.stringify(randomJson()) ?? "", "utf8");
    case 2:
      return Buffer.from(unicodeString(60), "utf8");
    case 3: {
      const s = nearValidNotification();
      return Buffer.from(chance(0.5) ? s : s.slice(0, int(s.length)), "utf8");
    }
    case 4:
      return chance(0.1)
        ? Buffer.from(JSON.stringify({ id: randomUUID(), type: "X", pad: "p".repeat(66_000) }))
        : Buffer.from(nearValidNotification());
    default:
      return Buffer.from(
        JSON.stringify({
          id: randomUUID(),
          type: pick(["INTEGRATION_STATUS_CHANGE", "EXPORT_CANDIDATE_PROFILE"]),
          expiresAt: pick([0, Date.now() + 1e6]),
        }),
      );
  }
}

interface Party {
  customerId: string;
  callbackKey: string;
  secret: string;
}

let mine: Party;
let theirs: Party;

async function party(): Promise<Party> {
  const app = await createTestApplication();
  const { callbackKey } = await db.customer.findUniqueOrThrow({ where: { id: app.customerId } });
  return { customerId: app.customerId, callbackKey, secret: app.clientSecret };
}

beforeAll(async () => {
  mine = await party();
  theirs = await party();
});
afterAll(async () => {
  await disconnectDb();
});

function signature(bytes: Uint8Array): string | null {
  switch (int(9)) {
    case 0:
      return null;
    case 1:
      return asciiString(80);
    case 2:
      return Array.from({ length: 64 }, () => pick([..."0123456789abcdef"])).join("");
    case 3:
      return signNotification(theirs.secret, bytes);
    case 4: {
      const mutated = Uint8Array.from(bytes);
      if (mutated.length === 0) return signNotification(mine.secret, "x");
      const at = int(mutated.length);
      mutated[at] = (mutated[at] ?? 0) ^ (1 << int(8));
      return signNotification(mine.secret, mutated);
    }
    case 5:
      return pick(["hmacsha256=", "sha256=", "HMACSHA256=", " "]) + signNotification(mine.secret, bytes);
    default:
      return signNotification(mine.secret, bytes);
  }
}

describe(`fuzz (seed ${SEED}; set FUZZ_SEED to replay)`, () => {
  it(`${CASES} generated requests: no 5xx, nothing accepted without a valid signature, every acceptance stored once`, async () => {
    const rejectionsBefore = await db.callbackRejectionCounter.aggregate({
      where: { customerId: mine.customerId },
      _sum: { count: true },
    });
    const acceptedIds = new Set<string>();
    const acceptedForThem = new Set<string>();
    let refused401 = 0;
    const statuses: Record<number, number> = {};
    const cases = Array.from({ length: CASES }, () => {
      const bytes = body();
      const key = chance(0.85)
        ? mine.callbackKey
        : chance(0.5)
          ? theirs.callbackKey
          : pick([asciiString(40).replace(/[^A-Za-z0-9_-]/g, "-"), `cb-${randomUUID()}`, "", "%2e%2e"]);
      const headers: Record<string, string> = {};
      const sig = signature(bytes);
      if (sig !== null) headers["x-li-signature"] = sig;
      if (chance(0.7))
        headers["content-type"] = pick([
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
        ]);
      return { key, bytes, headers };
    });

    for (let start = 0; start < cases.length; start += 16) {
      await Promise.all(
        cases.slice(start, start + 16).map(async (c) => {
          const req = new Request(`http://onramp.test/api/linkedin/callback/${encodeURIComponent(c.key)}`, {
            method: "POST",
            body: Buffer.from(c.bytes),
            headers: c.headers,
          });
          const res = await receiveNotification(req, c.key, () => {});
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const context = `seed ${SEED}, key ${JSON.stringify(c.key.slice(0, 20))}, header ${JSON.stringify(c.headers["x-li-signature"])}, body ${JSON.stringify(Buffer.from(c.bytes).toString("utf8").slice(0, 120))}`;
          expect(res.status, context).toBeLessThan(500);
          const owner = c.key === mine.callbackKey ? mine : c.key === theirs.callbackKey ? theirs : null;
          const validlySigned =
            owner !== null && checkSignature(owner.secret, c.bytes, c.headers["x-li-signature"] ?? null).ok;
          const parsed = parseNotificationBody(c.bytes);
          if (res.status === 200) {
            expect(validlySigned, `accepted without a valid signature: ${context}`).toBe(true);
            expect(parsed.ok, context).toBe(true);
            if (parsed.ok) (owner === mine ? acceptedIds : acceptedForThem).add(parsed.payload.id);
          } else if (validlySigned && c.bytes.length <= 65536) {
            expect(res.status, context).toBe(400);
            expect(parsed.ok, context).toBe(false);
          }
          if (c.key === mine.callbackKey && res.status === 401) refused401 += 1;
          if (c.key !== mine.callbackKey && c.key !== theirs.callbackKey) expect(res.status, context).toBe(404);
        }),
      );
    }

    // Everything this customer has is exactly what was accepted for it.
    const stored = await db.notification.findMany({
      where: { customerId: mine.customerId },
      select: { linkedinId: true, signatureValid: true },
    });
    expect(new Set(stored.map((s) => s.linkedinId))).toEqual(acceptedIds);
    expect(stored.every((s) => s.signatureValid)).toBe(true);
    // The other customer got only what was signed with ITS secret (signed with ours, it was refused).
    const theirsStored = await db.notification.findMany({
      where: { customerId: theirs.customerId },
      select: { linkedinId: true },
    });
    expect(new Set(theirsStored.map((s) => s.linkedinId))).toEqual(acceptedForThem);
    const rejectionsAfter = await db.callbackRejectionCounter.aggregate({
      where: { customerId: mine.customerId },
      _sum: { count: true },
    });
    expect((rejectionsAfter._sum.count ?? 0) - (rejectionsBefore._sum.count ?? 0)).toBe(refused401);
    // The generator must reach every answer, or the invariants above prove little.
    expect(Object.keys(statuses).sort()).toEqual(["200", "400", "401", "404", "413"]);
    expect(acceptedIds.size).toBeGreaterThan(100);
  });
});
