import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "./helpers";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());

function tokenRequest(form: Record<string, string>, contentType = "application/x-www-form-urlencoded") {
  return fetch(`${sb.url}/oauth/v2/accessToken`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: new URLSearchParams(form).toString(),
  });
}

const parentForm = { grant_type: "client_credentials", client_id: "sandbox-parent-id", client_secret: "sandbox-parent-secret" };

const provision = (token: string, body: unknown) =>
  sb.api("/v2/provisionedApplications", token, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("POST /oauth/v2/accessToken (C2, C27)", () => {
  it("issues a 60-day token for good client credentials", async () => {
    const res = await tokenRequest(parentForm);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(5_184_000);
    expect(body.access_token.length).toBeGreaterThan(20);
  });

  it("answers 401 invalid_client to a wrong secret or unknown client", async () => {
    for (const form of [{ ...parentForm, client_secret: "nope" }, { ...parentForm, client_id: "nobody" }]) {
      const res = await tokenRequest(form);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "invalid_client" });
    }
  });

  it("refuses JSON bodies, other grant types and missing parameters", async () => {
    expect((await tokenRequest(parentForm, "application/json")).status).toBe(400);
    const grant = await tokenRequest({ ...parentForm, grant_type: "authorization_code" });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });
    expect((await tokenRequest({ grant_type: "client_credentials", client_id: "sandbox-parent-id" })).status).toBe(400);
  });

  it("a revoked or expired token answers 401 on the API (C27)", async () => {
    const a = await sb.customer();
    const q = "/v2/atsIntegrations?q=request&requestId=x";
    expect((await sb.api(q, a.token)).status).toBe(404);
    await sb.admin("/_sandbox/tokens/revoke", { token: a.token });
    const revoked = await sb.api(q, a.token);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ status: 401, serviceErrorCode: 65601 });
    const fresh = await sb.token(a.clientId, a.clientSecret);
    await sb.admin("/_sandbox/tokens/expire", { clientId: a.clientId });
    const expired = await sb.api(q, fresh);
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
    expect((await sb.api(q, "made-up-token")).status).toBe(401);
    expect((await fetch(`${sb.url}${q}`)).status).toBe(401);
  });
});

describe("/v2/provisionedApplications (C1)", () => {
  let parentToken: string;
  beforeAll(async () => {
    parentToken = await sb.token("sandbox-parent-id", "sandbox-parent-secret");
  });

  it("creates a customer application whose keys work, and finds it by uniqueForeignId", async () => {
    const res = await provision(parentToken, {
      uniqueForeignId: "customer-1",
      name: "Onramp ATS - Acme",
      description: "Acme's integration",
      validJsOrigins: ["http://localhost:3000"],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ uniqueForeignId: "customer-1", name: "Onramp ATS - Acme" });
    expect(res.body.key).toMatch(/^78[a-z0-9]{12}$/);
    expect(res.body.credentials).toEqual({ client_id: res.body.key, client_secret: res.body.secret });
    expect(await sb.token(res.body.key, res.body.secret)).toBeTruthy();

    const found = await sb.api("/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=customer-1", parentToken);
    expect(found.status).toBe(200);
    expect(found.body.elements).toHaveLength(1);
    expect(found.body.elements[0].key).toBe(res.body.key);
    const none = await sb.api("/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=nobody", parentToken);
    expect(none.body.elements).toEqual([]);
  });

  it("answers 409 to a second application with the same uniqueForeignId", async () => {
    const body = { uniqueForeignId: "dup-1", name: "Onramp ATS - Dup", description: "d" };
    expect((await provision(parentToken, body)).status).toBe(201);
    expect((await provision(parentToken, body)).status).toBe(409);
  });

  it("refuses names over 50 characters or containing LinkedIn, and unknown fields", async () => {
    const long = await provision(parentToken, { uniqueForeignId: "n1", name: "x".repeat(51), description: "d" });
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/50/);
    const li = await provision(parentToken, { uniqueForeignId: "n2", name: "Acme linkedin sync", description: "d" });
    expect(li.status).toBe(400);
    expect(li.body.message).toMatch(/LinkedIn/);
    expect((await provision(parentToken, { uniqueForeignId: "n3", name: "ok", description: "d", color: "red" })).status).toBe(400);
    expect((await provision(parentToken, { uniqueForeignId: "n4", name: "ok", description: "d", validJsOrigins: ["https://x.test/path"] })).status).toBe(400);
  });

  it("needs the parent application's token: a customer token answers 403", async () => {
    const c = await sb.customer();
    expect((await provision(c.token, { uniqueForeignId: "c1", name: "ok", description: "d" })).status).toBe(403);
  });
});
