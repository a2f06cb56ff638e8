// The one error type of the LinkedIn client. Its message is written for a person (support, an
// operator) and says what happened and what to do (C26, C27); it never contains a secret or token.
// Pure (no server-only) so the job engine and UI code can test for it.
import { SafeError, type SafeErrorCode } from "@/lib/errors/safe-error";

export type LinkedInErrorKind =
  | "rate_limited" // 429 after every attempt, or the daily budget is spent (C26)
  | "unavailable" // 5xx or no answer after every attempt
  | "unauthorized" // LinkedIn refused the keys or the token (C27)
  | "conflict" // 409, e.g. provisioning the same uniqueForeignId twice (C1)
  | "bad_request" // another 4xx: Onramp sent something LinkedIn would not take
  | "not_found" // 404
  | "invalid_response" // a body Onramp does not understand
  | "not_configured"; // Onramp itself lacks what the call needs (e.g. the vendor's parent keys)

// What an HTTP API of Onramp answers when it passes a LinkedInError on. A LinkedIn 401 is not the
// person's session failing, so it must not become a 401 of Onramp's own API.
const SAFE_CODE: Record<LinkedInErrorKind, SafeErrorCode> = {
  rate_limited: "rate_limited",
  unavailable: "upstream_unavailable",
  unauthorized: "unprocessable",
  conflict: "conflict",
  bad_request: "upstream_unavailable",
  not_found: "upstream_unavailable",
  invalid_response: "upstream_unavailable",
  not_configured: "unavailable",
};

export interface LinkedInErrorDetails {
  /** The endpoint label (see endpoints.ts), for logs and the call counts. */
  endpoint: string;
  /** LinkedIn's HTTP status of the last attempt, when there was an answer. */
  httpStatus?: number;
  /** Attempts made (C26: at most LINKEDIN_MAX_ATTEMPTS). */
  attempts: number;
  /** When LinkedIn may be asked again (Retry-After), for rate limits. */
  retryAt?: Date;
  /** Set when the application's daily limit is spent: its calls are held until this midnight UTC (C26, L17). */
  heldUntil?: Date;
}

export class LinkedInError extends SafeError {
  readonly kind: LinkedInErrorKind;
  readonly endpoint: string;
  readonly httpStatus?: number;
  readonly attempts: number;
  readonly retryAt?: Date;
  readonly heldUntil?: Date;

  constructor(kind: LinkedInErrorKind, message: string, details: LinkedInErrorDetails) {
    super(SAFE_CODE[kind], message);
    this.name = "LinkedInError";
    this.kind = kind;
    this.endpoint = details.endpoint;
    this.httpStatus = details.httpStatus;
    this.attempts = details.attempts;
    this.retryAt = details.retryAt;
    this.heldUntil = details.heldUntil;
  }

  /** Whether trying the same call later may succeed without anyone changing anything. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "unavailable";
  }
}

export function isLinkedInError(e: unknown): e is LinkedInError {
  return e instanceof LinkedInError;
}
