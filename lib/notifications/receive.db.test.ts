// The callback's answers (issue #5, C20–C23) through receiveNotification with real Requests on real
// Postgres — the same function the route calls. Processing is deferred and not run here.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import { encryptSecret } from "@/lib/crypto/secrets";
import { customerAppSecretContext } from "@/lib/linkedin/secret-contexts";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import { receiveNotification, type Defer } from "./receive";
import { signNotification } from "./signature";

let acme: Awaited<ReturnType<typeof createTestApplication>> & { callbackKey: string };
let other: Awaited<ReturnType<typeof createTestApplication>> & { callbackKey: string };
const deferred: (() => Promise<void>)[] = [];
const collect: Defer = (work) => void deferred.push(work);

async function customer() {
  const app = await createTestApplication();
  const { callbackKey } = await db.customer.findUniqueOrThrow({
    where: { id: app.customerId },
    select: { callbackKey: true },
  });
  return { ...app, callbackKey };
}

beforeAll(async () => {
  acme = await customer();
  other = await customer();
});
afterAll(async () => {
  await disconnectDb();
});

function post(key: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  const req = new Request(`http://onramp.test/api/linkedin/callback/${key}`, {
    method: "POST",
    body: typeof body === "string" ? body : Buffer.from(body),
    headers: { "content-type": "application/json", ...headers },
  });
  return receiveNotification(req, key, collect);
}

const bodyOf = (id: string, type = "INTEGRATION_STATUS_CHANGE") => JSON.stringify({ id, type, expiresAt: 0 });
const signed = (secret: string, body: string) => ({ "x-li-signature": signNotification(secret, body) });

async function notificationsOf(customerId: string) {
  return db.notification.findMany({ where: { customerId } });
}

async function rejections(customerId: string) {
  const rows = await db.callbackRejectionCounter.findMany({ where: { customerId } });
  return Object.fromEntries(rows.map((r) => [r.reason, r.count]));
}

describe("POST /api/linkedin/callback/{key}", () => {
  it("C23: a valid notification is stored, answered 200 with no body, and its processing is deferred", async () => {
    const id = randomUUID();
    const body = bodyOf(id);
    const before = deferred.length;
    const res = await post(acme.callbackKey, body, signed(acme.clientSecret, body));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const stored = await db.notification.findUniqueOrThrow({
      where: { customerId_linkedinId: { customerId: acme.customerId, linkedinId: id } },
    });
    expect(stored).toMatchObject({
      type: "INTEGRATION_STATUS_CHANGE",
      rawBody: body,
      signatureValid: true,
      processingState: "PENDING",
      expiresAt: null,
    });
    expect(deferred.length).toBe(before + 1);
  });

  it("C22: expiresAt and the time received are stored as the instants they are (UTC)", async () => {
    const id = randomUUID();
    const expiresAt = Date.UTC(2031, 0, 2, 3, 4, 5, 678);
    const body = JSON.stringify({ id, type: "EXPORT_CANDIDATE_PROFILE", expiresAt });
    expect((await post(acme.callbackKey, body, signed(acme.clientSecret, body))).status).toBe(200);
    const stored = await db.notification.findUniqueOrThrow({
      where: { customerId_linkedinId: { customerId: acme.customerId, linkedinId: id } },
    });
    expect(stored.expiresAt?.getTime()).toBe(expiresAt);
    expect(Math.abs(stored.receivedAt.getTime() - Date.now())).toBeLessThan(10_000);
  });

  it("C20: the 'hmacsha256=' prefixed form of the header is accepted too", async () => {
    const body = bodyOf(randomUUID());
    const res = await post(acme.callbackKey, body, {
      "x-li-signature": `hmacsha256=${signNotification(acme.clientSecret, body)}`,
    });
    expect(res.status).toBe(200);
  });

  it("a redelivery of the same id answers 200 and is stored once", async () => {
    const id = randomUUID();
    const body = bodyOf(id);
    expect((await post(acme.callbackKey, body, signed(acme.clientSecret, body))).status).toBe(200);
    expect((await post(acme.callbackKey, body, signed(acme.clientSecret, body))).status).toBe(200);
    expect(await db.notification.count({ where: { customerId: acme.customerId, linkedinId: id } })).toBe(1);
  });

  it("C21: an unknown key answers 404 and records nothing about any customer", async () => {
    const body = bodyOf(randomUUID());
    const countBefore = await db.callbackRejectionCounter.count();
    const notificationsBefore = await db.notification.count();
    for (const key of [`cb-${randomUUID()}`, "x", "../../etc", "%00"]) {
      const res = await post(key, body, signed(acme.clientSecret, body));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ errorMessage: expect.any(String) });
    }
    expect(await db.callbackRejectionCounter.count()).toBe(countBefore);
    expect(await db.notification.count()).toBe(notificationsBefore);
  });

  it("C20: unsigned, wrongly signed, tampered and another customer's notifications answer 401 and change nothing but the counter", async () => {
    const before = await notificationsOf(acme.customerId);
    const counted = await rejections(acme.customerId);
    const body = bodyOf(randomUUID());
    const cases: [Record<string, string>, string][] = [
      [{}, "missing_signature"],
      [{ "x-li-signature": "not-hex" }, "malformed_signature"],
      [signed("a-wrong-secret", body), "bad_signature"],
      [signed(other.clientSecret, body), "bad_signature"],
    ];
    for (const [headers] of cases) {
      const res = await post(acme.callbackKey, body, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ errorMessage: expect.stringContaining("X-LI-Signature") });
    }
    const tampered = await post(
      acme.callbackKey,
      body.replace("INTEGRATION", "INTEGRATIOM"),
      signed(acme.clientSecret, body),
    );
    expect(tampered.status).toBe(401);
    // Signed for Acme, sent to the other customer's URL.
    expect((await post(other.callbackKey, body, signed(acme.clientSecret, body))).status).toBe(401);

    expect(await notificationsOf(acme.customerId)).toEqual(before);
    expect(await notificationsOf(other.customerId)).toEqual([]);
    const after = await rejections(acme.customerId);
    expect(after.missing_signature).toBe((counted.missing_signature ?? 0) + 1);
    expect(after.malformed_signature).toBe((counted.malformed_signature ?? 0) + 1);
    expect(after.bad_signature).toBe((counted.bad_signature ?? 0) + 3);
    expect((await rejections(other.customerId)).bad_signature).toBe(1);
  });

  it("C23: a signed body that is not understood answers 400 naming what is wrong, and stores nothing", async () => {
    const before = (await notificationsOf(acme.customerId)).length;
    for (const [body, message] of [
      ["{not json", "The request body is not valid JSON."],
      ['{"type":"INTEGRATION_STATUS_CHANGE"}', "Failed to get id from request payload: the field is missing."],
      [
        '{"id":1,"type":"INTEGRATION_STATUS_CHANGE"}',
        "Failed to get id from request payload: expected a string, got a number.",
      ],
    ] as const) {
      const res = await post(acme.callbackKey, body, signed(acme.clientSecret, body));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ errorMessage: message });
    }
    expect((await notificationsOf(acme.customerId)).length).toBe(before);
  });

  it("a body over CALLBACK_MAX_BODY_BYTES answers 413, by its Content-Length or while streaming without one", async () => {
    const before = (await notificationsOf(acme.customerId)).length;
    const big = JSON.stringify({ id: randomUUID(), type: "X", pad: "x".repeat(70_000) });
    const declared = await post(acme.callbackKey, big, signed(acme.clientSecret, big));
    expect(declared.status).toBe(413);

    // No Content-Length: a stream that would go on for ever is abandoned after the limit.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    const req = new Request(`http://onramp.test/api/linkedin/callback/${acme.callbackKey}`, {
      method: "POST",
      body: endless,
      headers: { "x-li-signature": "0".repeat(64) },
      duplex: "half",
    } as RequestInit);
    const streamed = await receiveNotification(req, acme.callbackKey, collect);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ errorMessage: expect.stringContaining("larger than 65536 bytes") });
    expect(pulled).toBeLessThan(10);
    expect((await notificationsOf(acme.customerId)).length).toBe(before);
  });

  it("a customer without an application secret can not be verified: 401, counted", async () => {
    const bare = await createCustomerRow("No keys");
    const body = bodyOf(randomUUID());
    const res = await post(bare.callbackKey, body, signed("anything", body));
    expect(res.status).toBe(401);
    expect(await rejections(bare.id)).toEqual({ no_application_secret: 1 });
  });

  it("a secret that can not be decrypted answers 500 with no body (LinkedIn retries once the keys are fixed)", async () => {
    const broken = await createTestApplication();
    const { callbackKey } = await db.customer.findUniqueOrThrow({ where: { id: broken.customerId } });
    // Encrypted for another row: the AAD binding refuses it (C3).
    await db.customerApplication.update({
      where: { id: broken.id },
      data: { clientSecretEnc: encryptSecret("x", customerAppSecretContext("another-row")) },
    });
    const body = bodyOf(randomUUID());
    const res = await post(callbackKey, body, signed(broken.clientSecret, body));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("");
  });
});
