// Issue 10 item 6: `npm run secrets:reencrypt` moves every stored envelope (C3) from an old key to the current
// one, keeping each row's context, so the old key can be retired. Other test files share the database and
// write under the run's own key, which these tests never configure: their rows fail "not configured" and are
// left alone, so the counts asserted here are exactly this file's rows.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { db, disconnectDb } from "@/lib/db/client";
import { invitationLinkContext, sealInvitationLink } from "@/lib/email/invitation-link";
import { setProcessEnv } from "@/lib/env";
import { restoreEncryptionKeysAfterEach } from "@/lib/crypto/test-support/encryption-keys";
import * as contexts from "@/lib/linkedin/secret-contexts";
import { keptIdempotentAnswer } from "@/lib/vendor-api/test-support/kept-answer";
import { exportCandidatesContext } from "@/lib/webhooks/export-resolutions";
import { endpointSecretContext, sealSecret } from "@/lib/webhooks/secret";
import { type ReencryptReport, reencryptAllSecrets } from "./reencrypt";

restoreEncryptionKeysAfterEach();
afterAll(async () => {
  await disconnectDb();
});

interface KeyPair {
  oldId: string;
  oldKey: string;
  newId: string;
  newKey: string;
}

function useOldKey(): KeyPair {
  const pair = {
    oldId: `o${randomBytes(6).toString("hex")}`,
    oldKey: randomBytes(32).toString("base64"),
    newId: `n${randomBytes(6).toString("hex")}`,
    newKey: randomBytes(32).toString("base64"),
  };
  setProcessEnv({
    ONRAMP_ENCRYPTION_KEY: pair.oldKey,
    ONRAMP_ENCRYPTION_KEY_ID: pair.oldId,
    ONRAMP_ENCRYPTION_OLD_KEYS: "",
  });
  return pair;
}

function useNewKey(pair: KeyPair, oldKeys = `${pair.oldId}:${pair.oldKey}`): void {
  setProcessEnv({
    ONRAMP_ENCRYPTION_KEY: pair.newKey,
    ONRAMP_ENCRYPTION_KEY_ID: pair.newId,
    ONRAMP_ENCRYPTION_OLD_KEYS: oldKeys,
  });
}

/** One stored envelope of this file: where it is, the context it must still open with, and its plaintext. */
interface Stored {
  read: () => Promise<string | null>;
  context: string;
  plaintext: string;
}

/** Rows of every kind under the current (old) key: 3 application secrets, 2 previous, 1 rolled, 2 tokens, 1+1 webhook, 1 link, 1 import row, 1 export, 1 kept answer. */
async function writeRows(): Promise<{ stored: Stored[]; ids: string[] }> {
  const stored: Stored[] = [];
  const ids: string[] = [];
  for (let n = 0; n < 3; n++) {
    const suffix = randomUUID();
    const appId = `app-${suffix}`;
    const secret = `secret-${suffix}`;
    const previous = n < 2 ? `previous-${suffix}` : null;
    const token = n < 2 ? `token-${suffix}` : null;
    const pending = n === 0 ? `pending-${suffix}` : null;
    const customer = await db.customer.create({
      data: {
        displayName: `Re-encrypt ${suffix}`,
        foreignId: `reenc-${suffix}`,
        callbackKey: `cb-${suffix}`,
        offeredIntegrationTypes: [],
      },
    });
    await db.customerApplication.create({
      data: {
        id: appId,
        customerId: customer.id,
        clientId: `client-${suffix}`,
        clientSecretEnc: encryptSecret(secret, contexts.customerAppSecretContext(appId)),
        clientSecretHint: "",
        origin: "MANUAL",
        previousSecretEnc: previous ? encryptSecret(previous, contexts.customerAppPreviousSecretContext(appId)) : null,
        accessTokenEnc: token ? encryptSecret(token, contexts.customerAppTokenContext(appId)) : null,
        pendingSecretEnc: pending ? encryptSecret(pending, contexts.customerAppPendingSecretContext(appId)) : null,
      },
    });
    ids.push(appId);
    const app = () => db.customerApplication.findUniqueOrThrow({ where: { id: appId } });
    stored.push({
      read: async () => (await app()).clientSecretEnc,
      context: contexts.customerAppSecretContext(appId),
      plaintext: secret,
    });
    if (previous) {
      const context = contexts.customerAppPreviousSecretContext(appId);
      stored.push({ read: async () => (await app()).previousSecretEnc, context, plaintext: previous });
    }
    if (pending) {
      const context = contexts.customerAppPendingSecretContext(appId);
      stored.push({ read: async () => (await app()).pendingSecretEnc, context, plaintext: pending });
    }
    if (token)
      stored.push({
        read: async () => (await app()).accessTokenEnc,
        context: contexts.customerAppTokenContext(appId),
        plaintext: token,
      });
  }
  const endpointId = `ep-${randomUUID()}`;
  await db.webhookEndpoint.create({
    data: {
      id: endpointId,
      url: "https://ats.example/hooks",
      eventTypes: [],
      // Disabled, so no other file's events fan out to it: their senders could not read a secret sealed under
      // this file's own key, and a sweep that meets one stops (seen in lib/webhooks/replay.db.test.ts).
      disabledAt: new Date(),
      secretEnc: sealSecret(endpointId, "whsec_current"),
      previousSecretEnc: sealSecret(endpointId, "whsec_previous"),
    },
  });
  ids.push(endpointId);
  const endpoint = () => db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
  const endpointContext = endpointSecretContext(endpointId);
  stored.push({ read: async () => (await endpoint()).secretEnc, context: endpointContext, plaintext: "whsec_current" });
  stored.push({
    read: async () => (await endpoint()).previousSecretEnc,
    context: endpointContext,
    plaintext: "whsec_previous",
  });

  const invitationId = `inv-${randomUUID()}`;
  const link = `https://onramp.example/invite/${randomUUID()}`;
  const data = { invitationId, roleLabel: "admin", customerName: null, expiresAt: new Date().toISOString() };
  const email = await db.email.create({
    data: {
      toAddress: "someone@example.com",
      template: "INVITATION",
      cause: `invitation:${invitationId}`,
      data,
      secretEnvelope: sealInvitationLink(invitationId, link),
      messageId: `<${randomUUID()}@onramp.test>`,
      unsubscribeKey: randomUUID(),
    },
  });
  ids.push(email.id);
  // A bulk import's row still waiting for its check (issue 10 item 7).
  const importId = `imp-${randomUUID()}`;
  const rowId = `row-${randomUUID()}`;
  const importSecret = `import-secret-${randomUUID()}`;
  await db.keyImport.create({
    data: {
      id: importId,
      rowCount: 1,
      triggeredBy: "test",
      rows: {
        create: {
          id: rowId,
          line: 1,
          clientSecretEnc: encryptSecret(importSecret, contexts.keyImportRowSecretContext(rowId)),
          offeredIntegrationTypes: [],
        },
      },
    },
  });
  ids.push(rowId);
  stored.push({
    read: async () => (await db.keyImportRow.findUniqueOrThrow({ where: { id: rowId } })).clientSecretEnc,
    context: contexts.keyImportRowSecretContext(rowId),
    plaintext: importSecret,
  });
  // A One-Click Export resolved for its event (issue 20 item 6): personal data, sealed the same way.
  const event = await db.event.create({
    data: { txid: 0n, type: "linkedin.export_candidate_profile", customerId: null, data: {} },
  });
  const resolutionId = `res-${randomUUID()}`;
  const candidates = JSON.stringify([{ candidate: { firstName: "Ada", lastName: `Reencrypt ${randomUUID()}` } }]);
  await db.exportResolution.create({
    data: {
      id: resolutionId,
      eventId: event.id,
      resolvedAt: new Date(),
      candidatesEnc: encryptSecret(candidates, exportCandidatesContext(resolutionId)),
    },
  });
  ids.push(resolutionId);
  stored.push({
    read: async () => (await db.exportResolution.findUniqueOrThrow({ where: { id: resolutionId } })).candidatesEnc,
    context: exportCandidatesContext(resolutionId),
    plaintext: candidates,
  });
  stored.push(await keptIdempotentAnswer());
  const readEmail = async () => (await db.email.findUniqueOrThrow({ where: { id: email.id } })).secretEnvelope;
  stored.push({ read: readEmail, context: invitationLinkContext(data), plaintext: link });
  return { stored, ids };
}

const EXPECTED = {
  "customer application secret": 3,
  "customer application previous secret": 2,
  "customer application secret rolled, not yet current": 1,
  "cached LinkedIn access token": 2,
  "webhook signing secret": 1,
  "webhook previous signing secret": 1,
  "invitation link in the email outbox": 1,
  "bulk import secret awaiting its check": 1,
  "resolved One-Click Export candidates": 1,
  "answer kept for an Idempotency-Key retry": 1,
};

function reencryptedByKind(...reports: ReencryptReport[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of reports) for (const k of r.kinds) out[k.kind] = (out[k.kind] ?? 0) + k.reencrypted;
  return out;
}

function failedIds(report: ReencryptReport): string[] {
  return report.kinds.flatMap((k) => k.failed.map((f) => f.id));
}

/** Every envelope is under the new key and opens, with its own context, once the old key is gone. */
async function expectAllUnderNewKey(pair: KeyPair, stored: Stored[]): Promise<void> {
  useNewKey(pair, "");
  for (const s of stored) {
    const envelope = await s.read();
    expect(envelope?.split(".")[1]).toBe(pair.newId);
    expect(decryptSecret(envelope ?? "", s.context)).toBe(s.plaintext);
  }
}

describe("secrets:reencrypt (issue 10 item 6, C3)", () => {
  it("moves every kind of envelope to the new key, keeps each context, and a second run changes nothing", async () => {
    const pair = useOldKey();
    const { stored, ids } = await writeRows();
    // A secret sealed for another row (a moved ciphertext) must fail with its row's id, and stay as it was.
    const badApp = ids[2]!;
    const moved = encryptSecret("moved-secret-value", contexts.customerAppSecretContext(ids[0]!));
    await db.customerApplication.update({ where: { id: badApp }, data: { accessTokenEnc: moved } });
    useNewKey(pair);

    const first = await reencryptAllSecrets({ batchSize: 2 });
    expect(first.complete).toBe(true);
    expect(first.keyId).toBe(pair.newId);
    expect(reencryptedByKind(first)).toEqual(EXPECTED);
    const tokenFailures = first.kinds.find((k) => k.kind === "cached LinkedIn access token")?.failed ?? [];
    expect(tokenFailures.filter((f) => f.id === badApp)).toEqual([
      { id: badApp, reason: "secret could not be decrypted (wrong key or tampered data)" },
    ]);
    expect(JSON.stringify(first)).not.toMatch(/moved-secret-value|secret-|previous-|pending-|token-|whsec_|invite\//);
    expect((await db.customerApplication.findUniqueOrThrow({ where: { id: badApp } })).accessTokenEnc).toBe(moved);

    const second = await reencryptAllSecrets({ batchSize: 2 });
    expect(Object.values(reencryptedByKind(second)).every((n) => n === 0)).toBe(true);
    for (const [kind, n] of Object.entries(EXPECTED)) {
      expect(second.kinds.find((k) => k.kind === kind)?.alreadyCurrent).toBeGreaterThanOrEqual(n);
    }
    expect(failedIds(second).filter((id) => ids.includes(id))).toEqual([badApp]);
    await db.customerApplication.update({ where: { id: badApp }, data: { accessTokenEnc: null } });
    await expectAllUnderNewKey(pair, stored);
  });

  it("resumes after a run stopped after its first batch: every row done exactly once", async () => {
    const pair = useOldKey();
    const { stored, ids } = await writeRows();
    useNewKey(pair);

    const stopped = await reencryptAllSecrets({ batchSize: 1, maxBatches: 1 });
    expect(stopped.complete).toBe(false);
    expect(stopped.kinds.reduce((n, k) => n + k.reencrypted + k.failed.length, 0)).toBeLessThanOrEqual(1);
    const resumed = await reencryptAllSecrets({ batchSize: 1 });
    expect(resumed.complete).toBe(true);
    expect(failedIds(resumed).filter((id) => ids.includes(id))).toEqual([]);
    const total = reencryptedByKind(stopped, resumed);
    expect(Object.fromEntries(Object.keys(EXPECTED).map((k) => [k, total[k]]))).toEqual(EXPECTED);
    await expectAllUnderNewKey(pair, stored);
  });
});
