// A streamed page's frame goes out first (issue 21 point 1; issue 22's bench). Next.js renders the frame, its
// Suspense fallbacks included, on the same thread that runs each section's reads (Prisma's client does its query
// planning and result mapping there) and renders each section as its rows arrive; on two cores the frame's bytes
// waited behind all of that, so the first byte came when the page was nearly done. Onramp's server
// (lib/http/onramp-server.ts) runs each request with a promise that settles at the response's first write; a
// section that awaits `afterFirstByte()` starts reading once its fallback is on the wire.
// Pure of Next (the server imports it before Next loads); the instance is shared through globalThis because Next
// bundles the app's copy of this module apart from the server's.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

/** The request's first byte: settled at the response's first write, its end, or its close. */
export type FirstByte = { sent: Promise<void> };

/**
 * How long a section waits for the first byte at most. Next holds every byte of a page until the whole page is
 * ready for a client it takes for a crawler, and a cold server may take longer to write its first page: such a page
 * must not wait on itself.
 */
export const FIRST_BYTE_WAIT_MS = 50;

function storage(): AsyncLocalStorage<FirstByte> {
  globalThis.onrampFirstByte ??= new AsyncLocalStorage<FirstByte>();
  return globalThis.onrampFirstByte;
}

/** Runs `handle` with the response's first byte as its request's signal (lib/http/onramp-server.ts). */
export function withFirstByte<T>(res: ServerResponse, handle: () => T): T {
  let settle = () => {};
  const sent = new Promise<void>((resolve) => {
    settle = resolve;
  });
  // Kept in place after the first call: Next's compression wraps these two after this does, so putting the
  // originals back would route its later writes around the compressor.
  const write = res.write;
  const end = res.end;
  res.write = function firstWrite(this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
    settle();
    return write.apply(this, args);
  } as ServerResponse["write"];
  res.end = function firstEnd(this: ServerResponse, ...args: Parameters<ServerResponse["end"]>) {
    settle();
    return end.apply(this, args);
  } as ServerResponse["end"];
  res.once("close", settle);
  return storage().run({ sent }, handle);
}

/**
 * Resolves once this request's first byte is written, or at once outside Onramp's server (tests, `next start` by
 * hand), or after FIRST_BYTE_WAIT_MS whatever happens.
 */
export async function afterFirstByte(waitMs = FIRST_BYTE_WAIT_MS): Promise<void> {
  const request = storage().getStore();
  if (!request) return;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  await Promise.race([request.sent, waited]);
  clearTimeout(timer);
}
