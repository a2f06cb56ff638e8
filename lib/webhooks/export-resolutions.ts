import "server-only";
// The kept resolutions of One-Click Exports (issue 20 item 6, L17, L18), one per event (ExportResolution): the
// delivery that resolves an export first claims the event's row (a lease), asks LinkedIn once, and keeps the
// answer; every later delivery attempt, other endpoint and replay of that event reads it. The candidates are
// personal data and are stored only as an envelope bound to their row (C3).
import { randomUUID } from "node:crypto";
import { DecryptionError, decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import type { ExportedCandidate } from "@/lib/linkedin";

/**
 * How long a claim holds: longer than one look-up with all its retries and pacing (LINKEDIN_MAX_ATTEMPTS with
 * doubling backoff), so a live claim is never taken over; a claim whose process died lapses after it.
 */
export const EXPORT_CLAIM_MS = 5 * 60_000;

/** Context of ExportResolution.candidatesEnc (lib/key-rotation/stored-envelopes.ts re-seals it). */
export function exportCandidatesContext(resolutionId: string): string {
  return `export-candidates:${resolutionId}`;
}

export type KeptResolution = { candidates: ExportedCandidate[] } | { error: string };

/** The kept answer for this event, or null while none is kept. */
export async function keptResolution(eventId: bigint): Promise<KeptResolution | null> {
  const row = await db.exportResolution.findUnique({
    where: { eventId },
    select: { id: true, resolvedAt: true, candidatesEnc: true, error: true },
  });
  if (!row?.resolvedAt) return null;
  if (row.candidatesEnc === null) return { error: row.error ?? "LinkedIn did not resolve this export." };
  try {
    const candidates: ExportedCandidate[] = JSON.parse(
      decryptSecret(row.candidatesEnc, exportCandidatesContext(row.id)),
    );
    return { candidates };
  } catch (e) {
    if (!(e instanceof DecryptionError)) throw e;
    // Asking LinkedIn again would spend the budget this table exists to save; the ATS can resolve it itself.
    return {
      error:
        "Onramp can no longer read the export it resolved (its encryption key was retired); resolve it with the customer's token.",
    };
  }
}

/**
 * Claims the right to ask LinkedIn about this event: answers the row's id, or null while another delivery holds a
 * live claim or the answer is already kept. One conditional statement, so two deliveries can not both claim.
 */
export async function claimResolution(eventId: bigint, now: Date): Promise<string | null> {
  const until = new Date(now.getTime() + EXPORT_CLAIM_MS);
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "ExportResolution" ("id", "eventId", "claimedUntil", "createdAt")
    VALUES (${randomUUID()}, ${eventId}, ${until}, ${now})
    ON CONFLICT ("eventId") DO UPDATE SET "claimedUntil" = EXCLUDED."claimedUntil"
      WHERE "ExportResolution"."resolvedAt" IS NULL
        AND ("ExportResolution"."claimedUntil" IS NULL OR "ExportResolution"."claimedUntil" < ${now})
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/** Keeps LinkedIn's answer on the claimed row; the claim ends with it. */
export async function keepResolution(id: string, answer: KeptResolution, now: Date): Promise<void> {
  const data =
    "candidates" in answer
      ? { candidatesEnc: encryptSecret(JSON.stringify(answer.candidates), exportCandidatesContext(id)), error: null }
      : { candidatesEnc: null, error: answer.error };
  await db.exportResolution.update({ where: { id }, data: { ...data, resolvedAt: now, claimedUntil: null } });
}

/** Ends a claim without an answer (LinkedIn asked to retry): the next delivery attempt may claim it again. */
export async function releaseResolution(id: string): Promise<void> {
  await db.exportResolution.updateMany({ where: { id, resolvedAt: null }, data: { claimedUntil: null } });
}
