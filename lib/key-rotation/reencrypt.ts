import "server-only";
// Re-encryption under the current key (issue 10 item 6), so an old key in ONRAMP_ENCRYPTION_OLD_KEYS can be
// retired: every stored envelope (./stored-envelopes.ts) not yet under ONRAMP_ENCRYPTION_KEY_ID is opened
// and sealed again with the same context. Small batches, each committed on its own; rows already under the
// current key are never selected, so a run killed half-way is simply run again, and a second run changes
// nothing. Each row is replaced only if it still holds the envelope that was read (a secret rolled or a
// token renewed meanwhile is left as the app wrote it). The report carries ids and reasons, never a secret.
import { envelopeKeyPrefix } from "@/lib/crypto/envelope";
import { currentKeyId, DecryptionError, reencryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { STORED_ENVELOPES, type EnvelopeRow, type StoredEnvelope } from "./stored-envelopes";

export interface ReencryptOptions {
  /** Rows per committed batch. */
  batchSize?: number;
  /** Stop after this many batches in all (a partial run, as a kill would leave it); unlimited by default. */
  maxBatches?: number;
}

export interface ReencryptFailure {
  id: string;
  reason: string;
}

export interface KindReport {
  kind: string;
  reencrypted: number;
  /** Envelopes that were under the current key when the kind's pass began. */
  alreadyCurrent: number;
  failed: ReencryptFailure[];
}

export interface ReencryptReport {
  keyId: string;
  kinds: KindReport[];
  /** False when maxBatches stopped the run before every kind was done. */
  complete: boolean;
}

const DEFAULT_BATCH_SIZE = 100;

function countCurrent(s: StoredEnvelope, prefix: string): Promise<{ n: number }[]> {
  return db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "${s.table}" WHERE "${s.column}" IS NOT NULL AND starts_with("${s.column}", $1)`,
    prefix,
  );
}

/** The next rows after `afterId` whose envelope is not under the current key, in id order (the resumable cursor). */
function pendingRows(s: StoredEnvelope, prefix: string, afterId: string, take: number): Promise<EnvelopeRow[]> {
  const data = s.dataColumn ? `"${s.dataColumn}"` : "NULL::jsonb";
  return db.$queryRawUnsafe<EnvelopeRow[]>(
    `SELECT "id", "${s.column}" AS envelope, ${data} AS data FROM "${s.table}"
     WHERE "id" > $1 AND "${s.column}" IS NOT NULL AND NOT starts_with("${s.column}", $2)
     ORDER BY "id" LIMIT $3`,
    afterId,
    prefix,
    take,
  );
}

/** The envelope sealed again, or why not; the reason never quotes the envelope or its plaintext. */
function reseal(s: StoredEnvelope, row: EnvelopeRow): { envelope: string } | { reason: string } {
  let context: string;
  try {
    context = s.context(row);
  } catch {
    return { reason: "the row no longer says which context the secret is bound to" };
  }
  try {
    return { envelope: reencryptSecret(row.envelope, context) };
  } catch (e) {
    if (e instanceof DecryptionError) return { reason: e.message };
    throw e;
  }
}

interface Budget {
  batchesLeft: number;
  /** Set when the budget ran out with rows still to do. */
  interrupted: boolean;
}

async function reencryptKind(
  s: StoredEnvelope,
  prefix: string,
  batchSize: number,
  budget: Budget,
): Promise<KindReport> {
  const [current] = await countCurrent(s, prefix);
  const report: KindReport = { kind: s.kind, reencrypted: 0, alreadyCurrent: current?.n ?? 0, failed: [] };
  let afterId = "";
  for (;;) {
    const rows = await pendingRows(s, prefix, afterId, batchSize);
    if (rows.length === 0) break;
    if (budget.batchesLeft <= 0) {
      budget.interrupted = true;
      break;
    }
    budget.batchesLeft -= 1;
    const last = rows.at(-1);
    if (!last) break;
    afterId = last.id;
    const resealed: { id: string; from: string; to: string }[] = [];
    for (const row of rows) {
      const r = reseal(s, row);
      if ("reason" in r) report.failed.push({ id: row.id, reason: r.reason });
      else resealed.push({ id: row.id, from: row.envelope, to: r.envelope });
    }
    // One transaction per batch. updatedAt is left alone: the secret itself did not change.
    const changed = await db.$transaction(async (tx) => {
      const counts: number[] = [];
      for (const u of resealed) {
        counts.push(
          await tx.$executeRawUnsafe(
            `UPDATE "${s.table}" SET "${s.column}" = $1 WHERE "id" = $2 AND "${s.column}" = $3`,
            u.to,
            u.id,
            u.from,
          ),
        );
      }
      return counts;
    });
    resealed.forEach((u, i) => {
      if (changed[i] === 1) report.reencrypted += 1;
      else report.failed.push({ id: u.id, reason: "the row changed while it was re-encrypted; run again" });
    });
  }
  return report;
}

/** Re-encrypts every stored envelope under the current key; see the file comment. */
export async function reencryptAllSecrets(options: ReencryptOptions = {}): Promise<ReencryptReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be a positive whole number");
  const keyId = currentKeyId();
  const prefix = envelopeKeyPrefix(keyId);
  const budget: Budget = { batchesLeft: options.maxBatches ?? Number.POSITIVE_INFINITY, interrupted: false };
  const kinds: KindReport[] = [];
  for (const s of STORED_ENVELOPES) {
    kinds.push(await reencryptKind(s, prefix, batchSize, budget));
    if (budget.interrupted) break;
  }
  return { keyId, kinds, complete: !budget.interrupted };
}
