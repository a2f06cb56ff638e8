import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setProcessEnv } from "@/lib/env";
import { restoreEncryptionKeysAfterEach } from "@/lib/crypto/test-support/encryption-keys";
import { decryptSecret, DecryptionError, encryptSecret, secretHint } from "./secrets";

// C3: secrets are encrypted at rest with AES-256-GCM and a key id, so keys can rotate.
describe("secrets at rest (C3)", () => {
  restoreEncryptionKeysAfterEach();

  it("round-trips and never contains the plaintext", () => {
    const secret = `client-secret-${randomBytes(8).toString("hex")}`;
    const envelope = encryptSecret(secret, "customer-app-secret:app1");
    expect(envelope).not.toContain(secret);
    expect(envelope.startsWith("v1.")).toBe(true);
    expect(decryptSecret(envelope, "customer-app-secret:app1")).toBe(secret);
  });

  it("uses a fresh IV: the same secret encrypts differently each time", () => {
    expect(encryptSecret("same", "ctx")).not.toBe(encryptSecret("same", "ctx"));
  });

  it("refuses a ciphertext moved to another row or purpose (associated data)", () => {
    const envelope = encryptSecret("s3cret", "customer-app-secret:app1");
    expect(() => decryptSecret(envelope, "customer-app-secret:app2")).toThrow(DecryptionError);
  });

  it("refuses tampered ciphertext", () => {
    const envelope = encryptSecret("s3cret", "ctx");
    const parts = envelope.split(".");
    const ct = Buffer.from(parts[4]!, "base64url");
    ct[0] = ct[0]! ^ 0xff;
    parts[4] = ct.toString("base64url");
    expect(() => decryptSecret(parts.join("."), "ctx")).toThrow(DecryptionError);
  });

  it("reads secrets written under an old key after a rotation, and writes with the new one", () => {
    const oldKey = randomBytes(32).toString("base64");
    setProcessEnv({ ONRAMP_ENCRYPTION_KEY: oldKey, ONRAMP_ENCRYPTION_KEY_ID: "k1", ONRAMP_ENCRYPTION_OLD_KEYS: "" });
    const envelope = encryptSecret("rotate-me", "ctx");
    setProcessEnv({
      ONRAMP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ONRAMP_ENCRYPTION_KEY_ID: "k2",
      ONRAMP_ENCRYPTION_OLD_KEYS: `k1:${oldKey}`,
    });
    expect(decryptSecret(envelope, "ctx")).toBe("rotate-me");
    expect(encryptSecret("new", "ctx").split(".")[1]).toBe("k2");
    setProcessEnv({ ONRAMP_ENCRYPTION_OLD_KEYS: "" });
    expect(() => decryptSecret(envelope, "ctx")).toThrow(/key "k1", which is not configured/);
  });

  it("shows only the last four characters of a long secret, and none of a short one", () => {
    expect(secretHint("abcdefghijkl1234")).toBe("1234");
    expect(secretHint("abcdefgh1234")).toBe("");
    expect(secretHint("abcd")).toBe("");
  });

  it("refuses an envelope whose GCM tag was truncated (the tag length is pinned)", () => {
    const envelope = encryptSecret("pinned", "ctx");
    const parts = envelope.split(".");
    const shortTag = Buffer.from(parts[3] ?? "", "base64url")
      .subarray(0, 12)
      .toString("base64url");
    const truncated = [...parts.slice(0, 3), shortTag, parts[4]].join(".");
    expect(() => decryptSecret(truncated, "ctx")).toThrow(DecryptionError);
  });
});
