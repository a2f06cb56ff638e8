import { beforeAll, describe, expect, it } from "vitest";
import { useTestSandbox } from "./helpers";

const sb = useTestSandbox();

function tokenRequest(form: Record<string, string>, contentType = "application/x-www-form-urlencoded") {
  return fetch(`${sb.url}/oauth/v2/accessToken`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: new URLSearchParams(form).toString(),
  });
}

const parentForm = {
  grant_type: "client_credentials",
  client_id: "sandbox-parent-id",
  client_secret: "sandbox-parent-secret",
};

const provision = (token: string, body: unknown) =>
  sb.api("/v2/provisionedApplications", token, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /oauth/v2/accessToken (C2, C27, L1)", () => {
  it("issues a 30-minute token whose expires_in is a string, or a number when set so (L1)", async () => {
    const res = await tokenRequest(parentForm);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; expires_in: unknown };
    expect(body.expires_in).toBe("1800");
    expect(body.access_token.length).toBeGreaterThan(20);
    await sb.admin("/_sandbox/settings", { expiresInAs: "number", tokenTtlSeconds: 60 });
    expect(await (await tokenRequest(parentForm)).json()).toMatchObject({ expires_in: 60 });
    await sb.admin("/_sandbox/settings", { expiresInAs: "string", tokenTtlSeconds: 1800 });
  });

  it("answers 401 invalid_client to a wrong secret or unknown client", async () => {
    for (const form of [
      { ...parentForm, client_secret: "nope" },
      { ...parentForm, client_id: "nobody" },
    ]) {
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

describe("/v2/provisionedApplications (C1, L3–L8)", () => {
  let parentToken: string;
  beforeAll(async () => {
    parentToken = await sb.token("sandbox-parent-id", "sandbox-parent-secret");
  });
  const find = (foreignId: string) =>
    sb.api(
      `/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=${encodeURIComponent(foreignId)}`,
      parentToken,
    );
  const update = (key: string, body: unknown) =>
    sb.api(`/v2/provisionedApplications/${encodeURIComponent(key)}`, parentToken, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const roll = (
    key: string,
    headers: Record<string, string> = { "X-RestLi-Method": "action", "X-RestLi-Protocol-Version": "2.0.0" },
  ) =>
    sb.api("/v2/developerApplicationsSecurity?action=rollDeveloperApplicationSecret", parentToken, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify({ childDeveloperApplication: key }),
    });

  it("creates an application answering its URN and keys (L3, L4); the look-up names it without a secret (L5)", async () => {
    const res = await provision(parentToken, {
      uniqueForeignId: "customer-1",
      name: "Onramp ATS - Acme",
      description: "Acme's integration",
      validJsSdkDomains: ["http://localhost:3000"],
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(["credentials", "key"]);
    expect(res.body.key).toMatch(/^urn:li:developerApplication:\d+$/);
    expect(res.body.credentials.client_id).toMatch(/^78[a-z0-9]{12}$/);
    expect(await sb.token(res.body.credentials.client_id, res.body.credentials.client_secret)).toBeTruthy();

    const found = await find("customer-1");
    expect(found.status).toBe(200);
    expect(found.body.elements).toEqual([
      {
        key: res.body.key,
        credentials: { client_id: res.body.credentials.client_id },
        uniqueForeignId: "customer-1",
        name: "Onramp ATS - Acme",
        description: "Acme's integration",
        validJsSdkDomains: ["http://localhost:3000"],
        oauth2AuthorizedCallbackUrls: [],
      },
    ]);
    expect(JSON.stringify(found.body)).not.toContain(res.body.credentials.client_secret);
    expect((await find("nobody")).body.elements).toEqual([]);
  });

  it("refuses validJsOrigins, which is no LinkedIn field (L3), and origins with a path or trailing slash", async () => {
    const bad = await provision(parentToken, {
      uniqueForeignId: "o1",
      name: "ok",
      description: "d",
      validJsOrigins: ["https://x.test"],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/validJsOrigins/);
    for (const d of ["https://x.test/path", "https://x.test/"])
      expect(
        (await provision(parentToken, { uniqueForeignId: "o2", name: "ok", description: "d", validJsSdkDomains: [d] }))
          .status,
      ).toBe(400);
  });

  it("answers 409 to a second application with the same uniqueForeignId", async () => {
    const body = { uniqueForeignId: "dup-1", name: "Onramp ATS - Dup", description: "d" };
    expect((await provision(parentToken, body)).status).toBe(201);
    expect((await provision(parentToken, body)).status).toBe(409);
  });

  it("replaces validJsSdkDomains with a $set patch (L6)", async () => {
    const created = await provision(parentToken, {
      uniqueForeignId: "dom-1",
      name: "Onramp ATS - Dom",
      description: "d",
      validJsSdkDomains: ["https://a.test"],
    });
    expect(
      (await update(created.body.key, { patch: { $set: { validJsSdkDomains: ["https://a.test", "https://b.test"] } } }))
        .status,
    ).toBe(204);
    expect((await find("dom-1")).body.elements[0].validJsSdkDomains).toEqual(["https://a.test", "https://b.test"]);
    expect((await update(created.body.key, { patch: { $set: { validJsOrigins: ["https://a.test"] } } })).status).toBe(
      400,
    );
    expect((await update(created.body.key, { validJsSdkDomains: ["https://a.test"] })).status).toBe(400);
    expect(
      (await update("urn:li:developerApplication:999999", { patch: { $set: { validJsSdkDomains: [] } } })).status,
    ).toBe(404);
  });

  it("rolls a secret: both stay valid, a third is refused until one is deleted (L7)", async () => {
    const created = await provision(parentToken, {
      uniqueForeignId: "roll-1",
      name: "Onramp ATS - Roll",
      description: "d",
    });
    const { client_id: clientId, client_secret: first } = created.body.credentials;
    expect((await roll(created.body.key, {})).status).toBe(400);
    const rolled = await roll(created.body.key);
    expect(rolled.status).toBe(200);
    const second = rolled.body.value.client_secret as string;
    expect(second).not.toBe(first);
    expect(await sb.token(clientId, first)).toBeTruthy();
    expect(await sb.token(clientId, second)).toBeTruthy();
    const third = await roll(created.body.key);
    expect(third.status).toBe(400);
    expect(third.body.message).toMatch(/two secrets/);
    expect((await sb.admin("/_sandbox/applications/secrets/delete", { clientId, which: "previous" })).status).toBe(200);
    expect((await tokenRequest({ ...parentForm, client_id: clientId, client_secret: first })).status).toBe(401);
    expect((await roll(created.body.key)).status).toBe(200);
  });

  it("an injected afterHandling fault creates the application and loses the answer", async () => {
    await sb.admin("/_sandbox/faults", { endpoint: "provisioning", status: 504, count: 1, afterHandling: true });
    const lost = await provision(parentToken, {
      uniqueForeignId: "lost-1",
      name: "Onramp ATS - Lost",
      description: "d",
    });
    expect(lost.status).toBe(504);
    expect((await find("lost-1")).body.elements).toHaveLength(1);
  });

  it("refuses names over 50 characters or containing LinkedIn, and unknown fields", async () => {
    const long = await provision(parentToken, { uniqueForeignId: "n1", name: "x".repeat(51), description: "d" });
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/50/);
    const li = await provision(parentToken, { uniqueForeignId: "n2", name: "Acme linkedin sync", description: "d" });
    expect(li.status).toBe(400);
    expect(li.body.message).toMatch(/LinkedIn/);
    expect(
      (await provision(parentToken, { uniqueForeignId: "n3", name: "ok", description: "d", color: "red" })).status,
    ).toBe(400);
  });

  it("needs the parent application's token: a customer token answers 403", async () => {
    const c = await sb.customer();
    expect((await provision(c.token, { uniqueForeignId: "c1", name: "ok", description: "d" })).status).toBe(403);
  });
});
