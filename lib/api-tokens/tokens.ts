import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
// API tokens for the vendor's own systems (issue #6): shown once at creation, stored as sha256 only,
// scoped, expiring and revocable (issue 11 item 6), last use recorded.
import type { Prisma } from "@/lib/db/generated/client";
import { SafeError } from "@/lib/errors/safe-error";
import { API_SCOPES, type ApiScope, type ApiTokenCreateInput, apiTokenExpiry } from "./scopes";

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
export const TOKEN_PREFIX = "onr_";
const SHOWN_PREFIX_CHARS = TOKEN_PREFIX.length + 6;

export type ApiTokenListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  createdByEmail: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
};

export function hashApiToken(token: string): string {
  return sha256Hex(token);
}

export async function createApiToken(
  actor: Actor,
  input: ApiTokenCreateInput,
  now = new Date(),
): Promise<{ id: string; token: string; prefix: string; expiresAt: Date | null }> {
  const expiresAt = apiTokenExpiry(input.expiresInDays, now);
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const prefix = token.slice(0, SHOWN_PREFIX_CHARS);
  const scopes = API_SCOPES.filter((s) => input.scopes.includes(s));
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name: input.name, tokenHash: hashApiToken(token), prefix, scopes, expiresAt, createdById: actor.userId },
      select: { id: true },
    });
    await recordAudit(
      actor,
      {
        action: "api_token.created",
        targetType: "ApiToken",
        targetId: row.id,
        details: { name: input.name, scopes, prefix, expiresAt: expiresAt?.toISOString() ?? null },
      },
      tx,
    );
    return row;
  });
  return { id: created.id, token, prefix, expiresAt };
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { name: true, revokedAt: true } });
    if (!row) throw new SafeError("not_found", "No such API token.");
    if (row.revokedAt) throw new SafeError("conflict", "This token is already revoked.");
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAudit(
      actor,
      { action: "api_token.revoked", targetType: "ApiToken", targetId: tokenId, details: { name: row.name } },
      tx,
    );
    return { name: row.name };
  });
}

/** Revokes every live token `userId` created (their account is being disabled, issue 11 item 6); how many. */
export async function revokeApiTokensCreatedBy(
  tx: Prisma.TransactionClient,
  userId: string,
  now: Date,
): Promise<number> {
  const { count } = await tx.apiToken.updateMany({
    where: { createdById: userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

export async function listApiTokens(): Promise<ApiTokenListItem[]> {
  const rows = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      createdBy: { select: { email: true } },
    },
  });
  return rows.map(({ createdBy, scopes, ...r }) => ({
    ...r,
    scopes: scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
    createdByEmail: createdBy?.email ?? null,
  }));
}
