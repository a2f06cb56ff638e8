// A job failure that retrying can not fix (LinkedIn refused the request as a conflict or as invalid):
// the tracker marks the job FAILED at once, with this message, instead of retrying with backoff.
// A person fixes the cause and retries it from the console.
import { SafeError, type SafeErrorCode } from "@/lib/errors/safe-error";

export class PermanentJobError extends SafeError {
  constructor(code: SafeErrorCode, message: string) {
    super(code, message);
    this.name = "PermanentJobError";
  }
}

export function isPermanentJobError(e: unknown): e is PermanentJobError {
  return e instanceof PermanentJobError;
}
