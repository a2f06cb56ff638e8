// API tokens (issue #6): stored hashed, shown once, scoped, revocable, last use recorded, rate bounded; they expire
// and end with their creator's account (issue 11 item 6).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db, disconnectDb } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { setUserDisabled } from "@/lib/people/users";
import { API_RATE_LIMIT, authenticateApiToken, RateLimitedError } from "./authenticate";
import { apiTokenCreateSchema } from "./scopes";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

afterAll(disconnectDb);

async function operator(): Promise<Actor> {
  const u = await db.user.create({
    data: { email: `op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  return { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SafeError);
  return (e as SafeError).code;
}

describe("API tokens", () => {
  it("stores only the sha256 and a short prefix; the token authenticates with its scopes", async () => {
    const actor = await operator();
    const { id, token, prefix } = await createApiToken(
      actor,
      apiTokenCreateSchema.parse({ name: "ATS", scopes: ["customers:read"] }),
    );
    expect(token).toMatch(/^onr_[A-Za-z0-9_-]{40,}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(12);
    expect(prefix).toBe(row.prefix);
    expect(JSON.stringify(await listApiTokens())).not.toContain(token);

    const caller = await authenticateApiToken(`Bearer ${token}`, "customers:read");
    expect(caller).toMatchObject({ apiTokenId: id, apiTokenName: "ATS" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "api_token.created" } });
    expect(JSON.stringify(audit.details)).not.toContain(token);
  });

  it("answers 401 without a token or with an unknown one, 403 without the scope, 401 once revoked", async () => {
    const actor = await operator();
    const { id, token } = await createApiToken(
      actor,
      apiTokenCreateSchema.parse({ name: "ro", scopes: "integrations:read" }),
    );
    expect(await codeOf(authenticateApiToken(null, "integrations:read"))).toBe("unauthorized");
    expect(await codeOf(authenticateApiToken("Bearer onr_not-a-real-token", "integrations:read"))).toBe("unauthorized");
    expect(await codeOf(authenticateApiToken(`Basic ${token}`, "integrations:read"))).toBe("unauthorized");
    expect(await codeOf(authenticateApiToken(`Bearer ${token}`, "customers:write"))).toBe("forbidden");
    await revokeApiToken(actor, id);
    expect(await codeOf(authenticateApiToken(`Bearer ${token}`, "integrations:read"))).toBe("unauthorized");
    expect(await codeOf(revokeApiToken(actor, id))).toBe("conflict");
  });

  it("bounds the rate per token: the call after the limit answers 429 with Retry-After; other tokens are unaffected", async () => {
    const actor = await operator();
    const { token } = await createApiToken(
      actor,
      apiTokenCreateSchema.parse({ name: "busy", scopes: ["customers:read"] }),
    );
    const other = await createApiToken(
      actor,
      apiTokenCreateSchema.parse({ name: "quiet", scopes: ["customers:read"] }),
    );
    // A small limit in a day-long window (boundaries at UTC midnight) keeps every call in one window.
    const rate = { limit: 5, windowMs: 24 * 60 * 60 * 1000 };
    for (let i = 0; i < rate.limit; i++) await authenticateApiToken(`Bearer ${token}`, "customers:read", { rate });
    const e = await authenticateApiToken(`Bearer ${token}`, "customers:read", { rate }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).code).toBe("rate_limited");
    expect((e as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    await expect(authenticateApiToken(`Bearer ${other.token}`, "customers:read", { rate })).resolves.toBeTruthy();
    expect(API_RATE_LIMIT).toBeGreaterThan(0);
  });

  it("refuses a token without a name or scopes", () => {
    const r = apiTokenCreateSchema.safeParse({ name: " ", scopes: [] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(["name", "scopes"]);
    expect(apiTokenCreateSchema.safeParse({ name: "x", scopes: ["admin:all"] }).success).toBe(false);
  });

  it("expires: 90 days unless chosen otherwise; past its expiry the token answers 401 saying so", async () => {
    const actor = await operator();
    const created = new Date("2026-01-01T00:00:00Z");
    const { id, token, expiresAt } = await createApiToken(
      actor,
      apiTokenCreateSchema.parse({ name: "expiring", scopes: ["customers:read"], expiresInDays: "30" }),
      created,
    );
    expect(expiresAt?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    const before = new Date("2026-01-30T23:59:00Z");
    await expect(authenticateApiToken(`Bearer ${token}`, "customers:read", { now: before })).resolves.toMatchObject({
      apiTokenId: id,
    });
    const e = await authenticateApiToken(`Bearer ${token}`, "customers:read", {
      now: new Date("2026-01-31T00:00:01Z"),
    }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SafeError);
    expect((e as SafeError).code).toBe("unauthorized");
    expect((e as SafeError).message).toMatch(/expired on 2026-01-31T00:00:00.000Z/);
    expect((await listApiTokens()).find((t) => t.id === id)?.expiresAt?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "api_token.created" } });
    expect(audit.details).toMatchObject({ expiresAt: "2026-01-31T00:00:00.000Z" });

    expect(apiTokenCreateSchema.parse({ name: "d", scopes: ["customers:read"] }).expiresInDays).toBe("90");
    const forever = await createApiToken(
      actor,
      apiTokenCreateSchema.parse({ name: "forever", scopes: ["customers:read"], expiresInDays: "never" }),
    );
    expect(forever.expiresAt).toBeNull();
    expect(apiTokenCreateSchema.safeParse({ name: "x", scopes: ["customers:read"], expiresInDays: "7" }).success).toBe(
      false,
    );
  });

  it("a revoked token's 401 says when it was revoked", async () => {
    const actor = await operator();
    const { id, token } = await createApiToken(
      actor,
      apiTokenCreateSchema.parse({ name: "r", scopes: ["customers:read"] }),
    );
    await revokeApiToken(actor, id);
    const e = await authenticateApiToken(`Bearer ${token}`, "customers:read").catch((err: unknown) => err);
    expect((e as SafeError).message).toMatch(/revoked on \d{4}-/);
    expect(await db.auditLog.count({ where: { targetId: id, action: "api_token.revoked" } })).toBe(1);
  });

  it("disabling a person revokes the tokens they created (audited), and a token of a disabled creator is refused", async () => {
    const admin = await operator();
    const leaving = await operator();
    const kept = await createApiToken(admin, apiTokenCreateSchema.parse({ name: "kept", scopes: ["customers:read"] }));
    const theirs = await createApiToken(
      leaving,
      apiTokenCreateSchema.parse({ name: "theirs", scopes: ["customers:read"], expiresInDays: "never" }),
    );
    await expect(authenticateApiToken(`Bearer ${theirs.token}`, "customers:read")).resolves.toBeTruthy();

    const result = await setUserDisabled(admin, leaving.userId, true);
    expect(result.revokedTokens).toBe(1);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).not.toBeNull();
    expect(await codeOf(authenticateApiToken(`Bearer ${theirs.token}`, "customers:read"))).toBe("unauthorized");
    await expect(authenticateApiToken(`Bearer ${kept.token}`, "customers:read")).resolves.toBeTruthy();
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: leaving.userId, action: "user.disabled" } });
    expect(audit.details).toMatchObject({ revokedApiTokens: 1 });

    // A token that escaped the revocation (created while the disabling committed) still ends with its creator.
    const escaped = await createApiToken(
      { ...leaving },
      apiTokenCreateSchema.parse({ name: "escaped", scopes: ["customers:read"] }),
    );
    const e = await authenticateApiToken(`Bearer ${escaped.token}`, "customers:read").catch((err: unknown) => err);
    expect((e as SafeError).code).toBe("unauthorized");
    expect((e as SafeError).message).toMatch(/account is disabled/);
  });
});
