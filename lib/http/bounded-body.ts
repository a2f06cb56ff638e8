// Reads a request body up to a hard limit (issue #5, issue 20 item 6): every route that reads a body reads it
// here. A declared Content-Length above the limit is refused without reading, and a body without one (chunked)
// is streamed and abandoned as soon as it passes the limit, so a sender can never make Onramp buffer more than
// the limit. Pure (no Next.js, no database): the callback, the vendor API, next-auth's route and the unsubscribe
// route use it alike.
//
// Abandoning a body: the rest is never pulled and the 413 goes out at once; the connection stays as it is (Node
// holds the unread bytes in its socket buffers only, and drops the connection when the sender stops or its
// request timeout ends). Closing it instead (Connection: close) made the kernel reset a connection with unread
// bytes, and the sender often lost the 413 with it (seen against `next start`, e2e/hostile-input.spec.ts).

import { SafeError } from "@/lib/errors/safe-error";

export type BodyRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too_large" | "bad_length" };

/** The declared Content-Length against the limit, before anything is read; null when it is absent or within it. */
export function declaredLengthProblem(headers: Headers, maxBytes: number): "too_large" | "bad_length" | null {
  const declared = headers.get("content-length");
  if (declared === null) return null;
  if (!/^\d+$/.test(declared.trim())) return "bad_length";
  return Number(declared) > maxBytes ? "too_large" : null;
}

export async function readBoundedBody(req: Request, maxBytes: number): Promise<BodyRead> {
  const problem = declaredLengthProblem(req.headers, maxBytes);
  if (problem) return { ok: false, reason: problem };
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading; what was read is dropped and the rest is never pulled (see above).
      reader.releaseLock();
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, bytes };
}

/** What a person reads when a body is over the limit. */
export function tooLargeMessage(maxBytes: number): string {
  return `The request body is larger than ${maxBytes} bytes, the most this address accepts. Send less at a time.`;
}

/** The refusal of a body over `maxBytes` (413) or with a malformed Content-Length (400), for SafeError mappers. */
export function bodyRefusal(reason: "too_large" | "bad_length", maxBytes: number): SafeError {
  return reason === "too_large"
    ? new SafeError("payload_too_large", tooLargeMessage(maxBytes))
    : new SafeError("bad_request", "The Content-Length header is not a number.");
}

/** The whole body, at most `maxBytes`; throws bodyRefusal's SafeError otherwise. */
export async function readBodyWithin(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const body = await readBoundedBody(req, maxBytes);
  if (!body.ok) throw bodyRefusal(body.reason, maxBytes);
  return body.bytes;
}

/**
 * A form body (urlencoded or multipart, as RFC 8058 mail clients and pages send it), at most `maxBytes`, as
 * name → value (files as their names). A body that is no form answers {}: the caller's schema says what is missing.
 */
export async function readFormWithin(req: Request, maxBytes: number): Promise<Record<string, string>> {
  const bytes = await readBodyWithin(req, maxBytes);
  const parsed = new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } });
  let form: FormData;
  try {
    form = await parsed.formData();
  } catch (e) {
    if (e instanceof TypeError) return {}; // not a form at all
    throw e;
  }
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) out[name] = typeof value === "string" ? value : value.name;
  return out;
}
