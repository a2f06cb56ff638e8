// Reads a request body up to a hard limit (issue #5): a declared Content-Length above it is refused
// without reading, and a body without one is streamed and abandoned as soon as it passes the limit,
// so a sender can never make Onramp buffer more than the limit. Pure.

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large" | "bad_length" };

export async function readBoundedBody(req: Request, maxBytes: number): Promise<BodyRead> {
  const declared = req.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d+$/.test(declared.trim())) return { ok: false, reason: "bad_length" };
    if (Number(declared) > maxBytes) return { ok: false, reason: "too_large" };
  }
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: cancelling releases the stream instead of draining it. The request is refused
      // either way, so a stream that fails while being cancelled changes nothing.
      await reader.cancel().catch((e: unknown) => e);
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
