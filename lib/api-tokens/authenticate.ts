import "server-only";
// Who is calling the vendor API: the bearer token's row, checked for revocation, expiry and scope, counted
// against its rate limit (across processes, lib/rate-limit) and stamped with its last use.
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { hitRateLimit } from "@/lib/rate-limit/sliding-window";
import type { ApiScope } from "./scopes";
import { hashApiToken, TOKEN_PREFIX } from "./tokens";

export type ApiCaller = { apiTokenId: string; apiTokenName: string; scopes: string[] };

/** Calls per token per minute. */
export const API_RATE_LIMIT = 120;
export const API_RATE_WINDOW_MS = 60_000;
/** lastUsedAt is written at most this often per token, so reads do not each cost a write. */
const LAST_USED_PRECISION_MS = 60_000;

export type RateBound = { limit: number; windowMs: number };
const DEFAULT_RATE: RateBound = { limit: API_RATE_LIMIT, windowMs: API_RATE_WINDOW_MS };

export class RateLimitedError extends SafeError {
  readonly retryAfterSeconds: number;
  constructor(resetAt: Date, rate: RateBound) {
    const seconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
    super(
      "rate_limited",
      `Too many requests with this token: at most ${rate.limit} every ${Math.round(rate.windowMs / 1000)} s. Retry in ${seconds} s.`,
    );
    this.retryAfterSeconds = seconds;
  }
}

const NEW_TOKEN_HINT = "Ask an operator for a new one (console: Settings → API tokens).";

/**
 * A token ends when it is revoked, when it expires, and when the person who created it is disabled (issue 11 item 6:
 * disabling revokes their tokens; this also covers a token created while the disabling committed).
 */
function refuseEnded(
  row: { revokedAt: Date | null; expiresAt: Date | null; createdBy: { disabledAt: Date | null } | null },
  now: Date,
): void {
  if (row.revokedAt)
    throw new SafeError(
      "unauthorized",
      `This API token was revoked on ${row.revokedAt.toISOString()}. ${NEW_TOKEN_HINT}`,
    );
  if (row.expiresAt && row.expiresAt <= now)
    throw new SafeError("unauthorized", `This API token expired on ${row.expiresAt.toISOString()}. ${NEW_TOKEN_HINT}`);
  if (row.createdBy?.disabledAt)
    throw new SafeError(
      "unauthorized",
      `This API token belonged to a person whose account is disabled, so it no longer works. ${NEW_TOKEN_HINT}`,
    );
}

function bearerOf(header: string | null): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export async function authenticateApiToken(
  authorization: string | null,
  scope: ApiScope,
  opts: { now?: Date; rate?: RateBound } = {},
): Promise<ApiCaller> {
  const now = opts.now ?? new Date();
  const rate = opts.rate ?? DEFAULT_RATE;
  const token = bearerOf(authorization);
  if (!token?.startsWith(TOKEN_PREFIX)) {
    throw new SafeError("unauthorized", "Send an Onramp API token: Authorization: Bearer onr_…");
  }
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      name: true,
      scopes: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      createdBy: { select: { disabledAt: true } },
    },
  });
  if (!row) throw new SafeError("unauthorized", "This API token is not valid. Check that it was copied whole.");
  refuseEnded(row, now);
  const limit = await hitRateLimit(`api-token:${row.id}`, rate.limit, rate.windowMs);
  if (!limit.allowed) throw new RateLimitedError(limit.resetAt, rate);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  if (!row.scopes.includes(scope)) {
    throw new SafeError(
      "forbidden",
      `This token lacks the "${scope}" scope. Create a token with it in the console (Settings → API tokens).`,
    );
  }
  return { apiTokenId: row.id, apiTokenName: row.name, scopes: row.scopes };
}
