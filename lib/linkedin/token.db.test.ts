// Tokens (C2, C27): the Bearer token cached encrypted, a 401 renewing it once, refused keys telling the operator,
// with the real Postgres of the test harness, against recorded answers served from a local node:http server.
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { customerAppTokenContext } from "./secret-contexts";
import { createTestApplication } from "./test-support/applications";
import { inOrder, json } from "./test-support/recorded-server";
import { verifyApplicationCredentials } from "./token";
import { useRecordedLinkedIn, seedLookupAnswer, lookupSeedTuple } from "./test-support/recorded-linkedin";

// Pacing is covered by pacing.db.test.ts; here it would only slow every retry down.
const serve = useRecordedLinkedIn({ LINKEDIN_BATCH_SPACING_MS: "0" });

describe("tokens (C2, C27)", () => {
  it("C2: sends Bearer {token}; caches the token encrypted, never in clear", async () => {
    const s = await serve({ api: () => seedLookupAnswer });
    const app = await createTestApplication();
    expect(await lookupSeedTuple(app)).toMatchObject({ ok: true, onboardingStatus: "ENABLED" });
    expect(await lookupSeedTuple(app)).toMatchObject({ ok: true });

    expect(s.tokenRequests()).toHaveLength(1);
    const form = new URLSearchParams(s.tokenRequests()[0]?.body);
    expect(s.tokenRequests()[0]?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "client_credentials",
      client_id: app.clientId,
      client_secret: app.clientSecret,
    });

    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    const sentToken = /^Bearer (.+)$/.exec(String(s.apiRequests()[0]?.headers.authorization))?.[1];
    expect(sentToken).toMatch(/^recorded-token-/);
    expect(s.apiRequests()[1]?.headers.authorization).toBe(`Bearer ${sentToken}`);
    expect(row.accessTokenEnc).toBeTruthy();
    expect(row.accessTokenEnc).not.toContain(sentToken);
    expect(decryptSecret(row.accessTokenEnc as string, customerAppTokenContext(app.id))).toBe(sentToken);
    expect(row.accessTokenExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 24 * 3600 * 1000);
    expect(row.lastVerifiedAt).not.toBeNull();
    expect(row.lastAuthError).toBeNull();
  });

  it("C27, L29 (CRM-005): a 401 asks for one new token and retries once with it; the keys stay accepted", async () => {
    const s = await serve({
      api: inOrder(json(401, { status: 401, message: "The token used in the request has expired" }), seedLookupAnswer),
    });
    const app = await createTestApplication();
    expect(await lookupSeedTuple(app)).toMatchObject({ ok: true });
    expect(s.tokenRequests()).toHaveLength(2);
    const [first, second] = s.apiRequests();
    expect(first?.headers.authorization).not.toBe(second?.headers.authorization);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(decryptSecret(row.accessTokenEnc as string, customerAppTokenContext(app.id))).toBe(
      String(second?.headers.authorization).replace("Bearer ", ""),
    );
    expect(row.lastAuthError).toBeNull();
  });

  it("L29: a fresh token still answered 401 fails the call but does not mark the keys refused", async () => {
    const s = await serve({ api: () => json(401, { status: 401, message: "Invalid access token" }) });
    const app = await createTestApplication();
    const result = await lookupSeedTuple(app);
    expect(result.ok).toBe(false);
    expect(s.apiRequests()).toHaveLength(2);
    expect(s.tokenRequests()).toHaveLength(2);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toBeNull();
    expect(row.lastAuthErrorAt).toBeNull();
    if (!result.ok) expect(result.error).toMatch(/keys themselves were accepted/);
  });

  it("C27: the token endpoint refusing the keys records the message; a later success clears it", async () => {
    let refuse = true;
    await serve({
      token: () =>
        refuse
          ? json(401, { error: "invalid_client", error_description: "Client authentication failed" })
          : json(200, { access_token: "fresh", expires_in: 5184000 }),
      api: () => seedLookupAnswer,
    });
    const app = await createTestApplication();
    const failed = await lookupSeedTuple(app);
    expect(failed).toMatchObject({ ok: false, status: 401 });
    let row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toMatch(/refused this customer's API key and secret/);
    expect(row.lastVerifiedAt).toBeNull();

    refuse = false;
    expect(await lookupSeedTuple(app)).toMatchObject({ ok: true });
    row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toBeNull();
    expect(row.lastAuthErrorAt).toBeNull();
    expect(row.lastVerifiedAt).not.toBeNull();
  });

  it("an unreadable stored secret tells the operator to re-enter the keys, without calling LinkedIn", async () => {
    const s = await serve({ api: () => seedLookupAnswer });
    const app = await createTestApplication();
    // Encrypted for another row: the context binds a ciphertext to its own row (C3).
    const other = await createTestApplication();
    const foreign = await db.customerApplication.findUniqueOrThrow({ where: { id: other.id } });
    await db.customerApplication.update({ where: { id: app.id }, data: { clientSecretEnc: foreign.clientSecretEnc } });
    const result = await lookupSeedTuple(app);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/can not read this customer's stored secret .* Re-enter/);
    expect(s.requests).toHaveLength(0);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toMatch(/Re-enter/);
  });

  it("verifyApplicationCredentials: seedLookupAnswer for good keys, a message for refused ones, nothing stored", async () => {
    const s = await serve({
      token: (req) => {
        const form = new URLSearchParams(req.body);
        return form.get("client_secret") === "right"
          ? json(200, { access_token: "t", expires_in: 60 })
          : json(401, { error: "invalid_client", error_description: "Client authentication failed" });
      },
      api: () => seedLookupAnswer,
    });
    expect(await verifyApplicationCredentials("entered-key", "right")).toEqual({ ok: true });
    const refused = await verifyApplicationCredentials("entered-key", "wrong");
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toMatch(/refused this API key and secret/);
      expect(refused.message).not.toContain("wrong");
    }
    expect(await verifyApplicationCredentials("entered-key", "")).toMatchObject({ ok: false });
    expect(s.tokenRequests()).toHaveLength(2);
    expect(await db.customerApplication.count({ where: { clientId: "entered-key" } })).toBe(0);
  });
});
