import "server-only";
// The save-time check of a user-set URL (issue 20, point 1): the same vetting as at send time (vet.ts), so a
// person is told at once that an address is private. A name that does not resolve now is accepted (its DNS may
// come later); the send-time vetting refuses it then if it points inside.
import { defaultEgressDeps } from "./request";
import { checkUrlText, type Refusal } from "./target";
import { type EgressDeps, vetUrl } from "./vet";

/** How long the save-time look-up may take before the URL is accepted unresolved. */
export const SAVE_CHECK_TIMEOUT_MS = 5_000;

/** The refusal of `url`, or null when it may be saved. */
export async function refusalOf(url: string, deps: EgressDeps = defaultEgressDeps()): Promise<Refusal | null> {
  if (deps.policy.allowPrivateNetwork) {
    // Every address is allowed: only the URL's text can be refused, no look-up needed.
    const checked = checkUrlText(url, deps.policy);
    return "refused" in checked ? checked.refused : null;
  }
  const vetting = await vetUrl(url, deps, AbortSignal.timeout(SAVE_CHECK_TIMEOUT_MS));
  return "refused" in vetting ? vetting.refused : null;
}
