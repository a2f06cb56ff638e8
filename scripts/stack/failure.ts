// What a command prints when it fails (issue 26): a reason a person can act on (SafeError, a bad environment)
// as its one sentence; anything unexpected whole, with its stack, for whoever debugs it.
import { EnvError } from "@/lib/env";
import { isSafeError } from "@/lib/errors/safe-error";

export function failureOutput(error: unknown): unknown {
  return isSafeError(error) || error instanceof EnvError ? error.message : error;
}
