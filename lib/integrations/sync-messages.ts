// Sync failures in words a customer admin understands, each with what to do next (issue #4). Pure.
// The same text is shown to support in the console, so it names the LinkedIn status too.

export type FailureFacts = {
  /** LinkedIn's HTTP status for the entity or the call; null when there was no answer. */
  status: number | null;
  /** The LinkedIn client's own description (already free of secrets). */
  detail?: string;
  /** Whether trying again later may succeed by itself (rate limit, outage). */
  retryable?: boolean;
  /** The application's daily limit is spent; LinkedIn is not asked again before this midnight UTC (C26, L17). */
  heldUntil?: Date;
};

const CONTACT = "contact your vendor's support team";

/** What went wrong with one integration, and what happens or must be done next. */
export function describeSyncFailure(what: "name" | "settings", f: FailureFacts): string {
  const subject = what === "name" ? "the integration's name" : "the integration's settings";
  if (f.status === 401 || f.status === 403) {
    return `LinkedIn refused your company's LinkedIn application keys while Onramp sent ${subject} (HTTP ${f.status}). Your vendor's operator must check and re-enter the keys: ${CONTACT}.`;
  }
  if (f.status === 404) {
    return `LinkedIn does not know this integration for your company's LinkedIn application (HTTP 404). Authorize it again in the LinkedIn panel on this page; if that does not help, ${CONTACT}.`;
  }
  if (f.heldUntil) {
    return `Your company's LinkedIn application has used its daily allowance of LinkedIn calls, so ${subject} waits: held until 00:00 UTC (${f.heldUntil.toISOString()}), when LinkedIn resets it. Onramp sends it then by itself; you do not need to do anything.`;
  }
  if (f.retryable || f.status === 429 || f.status === null || (f.status !== null && f.status >= 500)) {
    const why =
      f.status === 429
        ? "LinkedIn asked Onramp to slow down (rate limit)"
        : f.status === null
          ? "LinkedIn could not be reached"
          : `LinkedIn did not answer properly (HTTP ${f.status})`;
    return `${why} while Onramp sent ${subject}. Onramp tries again by itself; you do not need to do anything.`;
  }
  if (what === "name" && (f.status === 400 || f.status === 422)) {
    return `LinkedIn refused the name (HTTP ${f.status})${f.detail ? `: ${f.detail}` : ""}. Change the name and save it again; if it keeps failing, ${CONTACT}.`;
  }
  return `LinkedIn did not accept ${subject} (HTTP ${f.status})${f.detail ? `: ${f.detail}` : ""}. Onramp tries again; if it keeps failing, ${CONTACT}.`;
}

/** The message once every attempt of the job has failed (C26: stop with a clear message). */
export function describeGaveUp(message: string, attempts: number): string {
  const last = message
    .replace(/\s*Onramp tries again by itself; you do not need to do anything\.$/, "")
    .replace(/\s*Onramp tries again;[^.]*\.$/, "");
  return `Onramp gave up after ${attempts} attempt${attempts === 1 ? "" : "s"}. ${last} Your vendor's support team can see this and retry it; ${CONTACT} if it is not fixed soon.`;
}
