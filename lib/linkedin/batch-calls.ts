// One multi-entity call per batch (C13), in turn. A LinkedIn error fails its batch's items; an error after which the
// next call would fare no better (throttled, keys refused, LinkedIn down, not configured) fails every batch still to
// send as well and ends the run. Anything else is not LinkedIn's answer and is thrown.
import { inBatches } from "./batching";
import { isLinkedInError, type LinkedInError } from "./errors";

function stopsTheRun(e: LinkedInError): boolean {
  return (
    e.kind === "rate_limited" || e.kind === "unauthorized" || e.kind === "unavailable" || e.kind === "not_configured"
  );
}

export async function callInBatches<T>(
  items: readonly T[],
  send: (batch: T[]) => Promise<void>,
  failed: (items: T[], err: LinkedInError) => void,
): Promise<void> {
  const batches = inBatches(items);
  for (let b = 0; b < batches.length; b += 1) {
    const batch = batches[b] as T[];
    try {
      await send(batch);
    } catch (err) {
      if (!isLinkedInError(err)) throw err;
      const stop = stopsTheRun(err);
      failed(stop ? batches.slice(b).flat() : batch, err);
      if (stop) break;
    }
  }
}
