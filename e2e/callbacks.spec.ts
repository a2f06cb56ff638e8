import { expect, test } from "@playwright/test";
import {
  anotherCustomer,
  closeDb,
  eventually,
  integration,
  notificationCount,
  requestedIntegration,
  signNotification,
  sql,
  callbackPath,
} from "./notifications-support";

// Issue #5 against the running production build and the LinkedIn sandbox: what each customer's callback URL
// answers (C20, C21, C23, L19): forged, misdirected, malformed and oversized callbacks change nothing, a valid one
// is stored once, and 400 generated requests get no 5xx.

test.describe.configure({ mode: "serial" });
test.afterAll(async () => {
  await closeDb();
});

test("C20/C21/C23: forged, misdirected, malformed and oversized callbacks get the documented answer and change nothing", async ({
  request,
}) => {
  const customer = await anotherCustomer();
  const other = await anotherCustomer();
  const { id } = await requestedIntegration(customer, "ENABLED", "PARTNER_READY");
  const before = { acme: await notificationCount(customer.id), other: await notificationCount(other.id) };
  const [counter] = await sql<{ n: string }>(
    `SELECT coalesce(sum("count"), 0) AS n FROM "CallbackRejectionCounter" WHERE "customerId" = $1`,
    [customer.id],
  );

  const body = JSON.stringify({ id: `forged-${Date.now()}`, type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
  const post = (key: string, data: string | Buffer, headers: Record<string, string>) =>
    request.post(callbackPath(key), {
      data: typeof data === "string" ? Buffer.from(data) : data,
      headers: { "content-type": "application/json", ...headers },
    });

  const tampered = await post(customer.callbackKey, body.replace("forged", "f0rged"), {
    "X-LI-Signature": signNotification(customer.clientSecret, body),
  });
  expect(tampered.status()).toBe(401);
  expect(await tampered.json()).toEqual({ errorMessage: "The X-LI-Signature header does not match the request body." });

  const wrongSecret = await post(customer.callbackKey, body, {
    "X-LI-Signature": signNotification("not-the-secret", body),
  });
  expect(wrongSecret.status()).toBe(401);

  // Signed correctly for Acme, sent to another customer's URL (C21).
  const misdirected = await post(other.callbackKey, body, {
    "X-LI-Signature": signNotification(customer.clientSecret, body),
  });
  expect(misdirected.status()).toBe(401);

  const unsigned = await post(customer.callbackKey, body, {});
  expect(unsigned.status()).toBe(401);
  expect(await unsigned.json()).toEqual({ errorMessage: "The X-LI-Signature header is missing." });

  const malformed = '{"id": "x", "type": ';
  const badJson = await post(customer.callbackKey, malformed, {
    "X-LI-Signature": signNotification(customer.clientSecret, malformed),
  });
  expect(badJson.status()).toBe(400);
  expect(await badJson.json()).toEqual({ errorMessage: "The request body is not valid JSON." });

  const noId = JSON.stringify({ type: "INTEGRATION_STATUS_CHANGE" });
  const missingId = await post(customer.callbackKey, noId, {
    "X-LI-Signature": signNotification(customer.clientSecret, noId),
  });
  expect(missingId.status()).toBe(400);
  expect(await missingId.json()).toEqual({
    errorMessage: "Failed to get id from request payload: the field is missing.",
  });

  const huge = Buffer.from(JSON.stringify({ id: "big", type: "INTEGRATION_STATUS_CHANGE", pad: "x".repeat(70_000) }));
  const oversized = await post(customer.callbackKey, huge, {
    "X-LI-Signature": signNotification(customer.clientSecret, huge),
  });
  expect(oversized.status()).toBe(413);

  const unknown = await post("no-such-callback-key-0000000000", body, {
    "X-LI-Signature": signNotification(customer.clientSecret, body),
  });
  expect(unknown.status()).toBe(404);

  expect(await notificationCount(customer.id)).toBe(before.acme);
  expect(await notificationCount(other.id)).toBe(before.other);
  expect((await integration(id))?.onboardingStatus).toBe("PARTNER_READY");
  const [counterAfter] = await sql<{ n: string }>(
    `SELECT coalesce(sum("count"), 0) AS n FROM "CallbackRejectionCounter" WHERE "customerId" = $1`,
    [customer.id],
  );
  expect(Number(counterAfter!.n) - Number(counter!.n)).toBe(3); // tampered, wrong secret, unsigned
});

test("C23: a valid signed notification answers 200 with no body; a redelivery of its id is stored once", async ({
  request,
}) => {
  const customer = await anotherCustomer();
  const body = JSON.stringify({
    id: `once-${Date.now()}`,
    type: "EXPORT_CANDIDATE_PROFILE",
    expiresAt: Date.now() + 60_000,
  });
  for (let k = 0; k < 2; k += 1) {
    const res = await request.post(callbackPath(customer.callbackKey), {
      data: Buffer.from(body),
      headers: {
        "content-type": "application/json",
        "X-LI-Signature": `hmacsha256=${signNotification(customer.clientSecret, body)}`,
      },
    });
    expect(res.status()).toBe(200);
    expect(await res.body()).toHaveLength(0);
  }
  const rows = await sql<{ id: string }>(`SELECT "id" FROM "Notification" WHERE "customerId" = $1 AND "rawBody" = $2`, [
    customer.id,
    body,
  ]);
  expect(rows).toHaveLength(1);
  await eventually("the other type to be marked NOT_HANDLED", async () => {
    const [n] = await sql<{ processingState: string }>(
      `SELECT "processingState"::text FROM "Notification" WHERE "id" = $1`,
      [rows[0]!.id],
    );
    return n?.processingState === "NOT_HANDLED";
  });
});

test("L19: the callback URL signs no text a caller chooses; a push forged from its answers is refused", async ({
  request,
}) => {
  const customer = await anotherCustomer();
  const body = JSON.stringify({ id: `forged-${Date.now()}`, type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
  // The old challenge answered HMAC(secret, code): with code = "hmacsha256=" + body that IS X-LI-Signature.
  const gets = await Promise.all(
    [`hmacsha256=${body}`, "5d1c7b9e-2a43-4c2f-9f0e-1a2b3c4d5e6f"].map((code) =>
      request.get(`${callbackPath(customer.callbackKey)}?challengeCode=${encodeURIComponent(code)}`),
    ),
  );
  const forgedSignature = signNotification(customer.clientSecret, body);
  for (const res of gets) {
    expect(res.status()).toBe(405); // Middleware callbacks have no challenge handshake (L19): POST only
    expect(await res.text()).not.toContain(forgedSignature);
  }
  // Whatever hex the GETs answered, none signs the body.
  const candidates = (await Promise.all(gets.map((g) => g.text()))).flatMap((t) => t.match(/[0-9a-f]{64}/g) ?? []);
  for (const signature of [...candidates, "0".repeat(64)]) {
    const res = await request.post(callbackPath(customer.callbackKey), {
      data: body,
      headers: { "content-type": "application/json", "x-li-signature": signature },
    });
    expect(res.status()).toBe(401);
  }
  expect(await notificationCount(customer.id)).toBe(0);
});

test("fuzz over HTTP: 400 generated requests to the running app, no 5xx, nothing stored without a valid signature", async ({
  request,
}) => {
  const customer = await anotherCustomer();
  let seed = 20261122;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const accepted = new Set<string>();
  for (let k = 0; k < 400; k += 1) {
    const id = `fz-${k}-${Math.floor(rand() * 1e9)}`;
    const body = pick([
      JSON.stringify({ id, type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 }),
      JSON.stringify({
        id,
        type: pick(["EXPORT_CANDIDATE_PROFILE", 5, null, ""]),
        expiresAt: pick([0, -5, "x", 1.5, null]),
      }),
      `{"id":"${id}","type":`,
      Buffer.from(Array.from({ length: Math.floor(rand() * 200) }, () => Math.floor(rand() * 256))).toString("latin1"),
      "",
      JSON.stringify([id]),
    ]);
    const bytes = Buffer.from(body, "latin1");
    const valid = signNotification(customer.clientSecret, bytes);
    const signature = pick([
      valid,
      valid,
      `hmacsha256=${valid}`,
      valid.replace(/^./, (c) => (c === "0" ? "1" : "0")),
      signNotification("wrong", bytes),
      "",
      "zz",
    ]);
    const headers: Record<string, string> = {
      "content-type": pick([
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]),
    };
    if (signature) headers["X-LI-Signature"] = signature;
    const method = pick(["POST", "POST", "POST", "POST", "PUT", "GET"]);
    const path = pick([
      callbackPath(customer.callbackKey),
      callbackPath(customer.callbackKey),
      callbackPath(`${customer.callbackKey}x`),
    ]);
    const res = await request.fetch(path, { method, data: method === "GET" ? undefined : bytes, headers });
    expect(res.status(), `${method} ${body.slice(0, 80)} sig=${signature.slice(0, 16)}`).toBeLessThan(500);
    if (res.status() === 200 && method === "POST") {
      expect(signature === valid || signature === `hmacsha256=${valid}`).toBe(true);
      expect(path).toBe(callbackPath(customer.callbackKey));
      accepted.add(id);
    }
  }
  const stored = await sql<{ linkedinId: string }>(`SELECT "linkedinId" FROM "Notification" WHERE "customerId" = $1`, [
    customer.id,
  ]);
  expect(new Set(stored.map((r) => r.linkedinId))).toEqual(accepted);
  expect(accepted.size).toBeGreaterThan(10);
});
