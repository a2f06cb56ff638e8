// The Idempotency-Key header of the vendor API's POSTs (issue 21 point 4), read and checked.
// The store, and the fingerprint that tells a retry from another request, are in idempotency.ts. Pure.
import { SafeError } from "@/lib/errors/safe-error";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** Printable ASCII without spaces, like the UUIDs callers usually send. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, null when it sent none; 400 for one that can not be a key. */
export function idempotencyKeyOf(headers: Headers): string | null {
  const key = headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!KEY.test(key))
    throw new SafeError("bad_request", "The Idempotency-Key header is not valid.", {
      [IDEMPOTENCY_HEADER]: ["Send 1 to 255 printable characters without spaces, e.g. a UUID."],
    });
  return key;
}
