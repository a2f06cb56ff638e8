import "server-only";
// Idempotency-Key on the vendor API's POSTs (issue 21 point 4), so an ATS can retry a call whose answer it lost.
// The first request with a key claims it by inserting (token, key) — the unique index is the lock, shared by every
// instance — does the work, then stores its status and answer, sealed with lib/crypto (an answer may carry a
// webhook signing secret). A retry with the same key and the same request answers that again (Idempotent-Replayed:
// true); the same key with another request answers 422; a retry while the first still runs answers 409, so two
// duplicates never both do the work. A failed first request releases its key: nothing was stored, retrying re-runs.
// A first request whose process died (crash, deploy) never answers: once it has held the key past
// API_IDEMPOTENCY_LEASE_SECONDS (on the database's clock), a retry takes the key over and runs the work.
// Keys are kept API_IDEMPOTENCY_RETENTION_HOURS, pruned per token on its next keyed request.
import { randomUUID } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { IDEMPOTENCY_HEADER } from "./idempotency-key";

export { idempotencyKeyOf } from "./idempotency-key";

/** Context of ApiIdempotencyKey.responseEnc (lib/key-rotation/stored-envelopes.ts re-seals it). */
export function idempotentAnswerContext(id: string): string {
  return `api-idempotent-answer:${id}`;
}

/** What tells a retry from another request: the operation, its path with ids, and the body as parsed JSON. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return sha256Hex(`${method} ${path}\n${JSON.stringify(body ?? null)}`);
}

export type Answer = { status: number; body: unknown };

type Keyed = {
  tokenId: string;
  key: string;
  requestHash: string;
  /** False for answers that must not be kept (a single-use sign-in link): a retry answers 409 instead. */
  keepAnswer: boolean;
};

/** Releases a key whose first request has held it unanswered past the lease: its process died. */
async function takeOverAbandoned(id: string): Promise<boolean> {
  const lease = env().API_IDEMPOTENCY_LEASE_SECONDS;
  const released = await db.$executeRaw`
    DELETE FROM "ApiIdempotencyKey"
    WHERE "id" = ${id} AND "status" IS NULL AND "createdAt" < now() - make_interval(secs => ${lease})`;
  return released > 0;
}

/** The first request's answer for a key already claimed; the errors a person can act on otherwise. */
async function answerOfFirst(k: Keyed): Promise<Answer | null> {
  const first = await db.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId: k.tokenId, key: k.key } } });
  if (!first) return null; // released by a failed first request since: claim it again
  if (first.requestHash !== k.requestHash)
    throw new SafeError("unprocessable", "This Idempotency-Key was already used for a different request.", {
      [IDEMPOTENCY_HEADER]: ["Use a new key for a new request; retry only with the same path and body."],
    });
  if (first.status === null) {
    if (await takeOverAbandoned(first.id)) return null;
    throw new SafeError(
      "conflict",
      "A request with this Idempotency-Key is still being processed. Retry in a moment to get its answer.",
    );
  }
  if (first.responseEnc === null)
    throw new SafeError(
      "conflict",
      "This request was already done with this Idempotency-Key, and its answer is shown only once. Send a new key to make another.",
    );
  return {
    status: first.status,
    body: JSON.parse(decryptSecret(first.responseEnc, idempotentAnswerContext(first.id))),
  };
}

/** Runs `work` once per (token, key): the first answer again for a retry, with `replayed` set. */
export async function oncePerKey(k: Keyed, work: () => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
  const now = new Date();
  await db.apiIdempotencyKey.deleteMany({ where: { tokenId: k.tokenId, expiresAt: { lte: now } } });
  const expiresAt = new Date(now.getTime() + env().API_IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const id = randomUUID();
    const claimed = await db.apiIdempotencyKey.createMany({
      data: [{ id, tokenId: k.tokenId, key: k.key, requestHash: k.requestHash, expiresAt }],
      skipDuplicates: true,
    });
    if (claimed.count === 0) {
      const first = await answerOfFirst(k);
      if (first) return { ...first, replayed: true };
      continue;
    }
    let answer: Answer;
    try {
      answer = await work();
    } catch (e) {
      await db.apiIdempotencyKey.deleteMany({ where: { id } });
      throw e;
    }
    const responseEnc = k.keepAnswer ? encryptSecret(JSON.stringify(answer.body), idempotentAnswerContext(id)) : null;
    // updateMany: a request that outlived its lease may have lost its key to a retry; it still answers its caller.
    await db.apiIdempotencyKey.updateMany({ where: { id }, data: { status: answer.status, responseEnc } });
    return { ...answer, replayed: false };
  }
  throw new SafeError(
    "conflict",
    "A request with this Idempotency-Key is being retried at the same time. Retry in a moment.",
  );
}
