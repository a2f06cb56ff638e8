// For tests that change the encryption key variables (C3: current key, its id, older keys): each test starts
// again from the values the file began with.
import { afterEach } from "vitest";
import { processEnvSnapshot, setProcessEnv } from "@/lib/env";

const KEY_VARIABLES = ["ONRAMP_ENCRYPTION_KEY", "ONRAMP_ENCRYPTION_KEY_ID", "ONRAMP_ENCRYPTION_OLD_KEYS"] as const;

/** Puts the encryption key variables back as they were when this was called, after each test. */
export function restoreEncryptionKeysAfterEach(): void {
  const before = processEnvSnapshot();
  const original = Object.fromEntries(KEY_VARIABLES.map((name) => [name, before[name]]));
  afterEach(() => {
    setProcessEnv(original); // also drops lib/env.ts's cache
  });
}
