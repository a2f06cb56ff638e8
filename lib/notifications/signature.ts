// The push signature (C20): X-LI-Signature = hex HMAC-SHA256 with the application secret (UTF-8) as
// key over "hmacsha256=" + the raw body. Checked over the exact bytes received, in constant time,
// before anything else looks at the body. Pure (no server-only): the sandbox, tests and the bench
// sign with the same function.
import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = Buffer.from("hmacsha256=", "utf8");
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/** The hex signature LinkedIn would send for `body` (C20). */
export function signNotification(secret: string, body: string | Uint8Array): string {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(PREFIX).update(bytes).digest("hex");
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: "missing_signature" | "malformed_signature" | "bad_signature" };

/**
 * Accepts the documented plain hex form and the same with a "hmacsha256=" prefix (issue #5); nothing
 * else. The comparison is constant time over the 32 digest bytes; the header's shape is checked
 * first, which reveals only what any caller can see (whether it sent 64 hex digits).
 */
export function checkSignature(secret: string, body: Uint8Array, header: string | null): SignatureCheck {
  if (header === null || header.trim() === "") return { ok: false, reason: "missing_signature" };
  let value = header.trim();
  if (value.slice(0, PREFIX.length).toLowerCase() === "hmacsha256=") value = value.slice(PREFIX.length);
  if (!HEX_SHA256.test(value)) return { ok: false, reason: "malformed_signature" };
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(PREFIX).update(body).digest();
  const given = Buffer.from(value, "hex");
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "bad_signature" };
}

/** L7: a push signed with any of the application's valid secrets is accepted; otherwise the first refusal. */
export function checkSignatureWithAny(
  secrets: readonly string[],
  body: Uint8Array,
  header: string | null,
): SignatureCheck {
  let first: SignatureCheck = { ok: false, reason: "bad_signature" };
  for (const [i, secret] of secrets.entries()) {
    const check = checkSignature(secret, body, header);
    if (check.ok) return check;
    if (i === 0) first = check;
  }
  return first;
}
