// The one error class whose message a person may read (dub's lib/api/errors, inbox-zero's SafeError).
// Anything else thrown is logged and answered generically by the guard.
import type { Notice } from "./notice";
export const SAFE_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  upstream_unavailable: 502,
  unavailable: 503,
} as const;

export type SafeErrorCode = keyof typeof SAFE_ERROR_STATUS;

export class SafeError extends Error {
  readonly code: SafeErrorCode;
  /** Field-level messages for forms and API validation errors. */
  readonly fieldErrors?: Record<string, string[]>;
  /** The message's catalogue key, for a customer admin's answer in their language (issue 25 point 1). */
  readonly notice?: Notice;
  /** Each field's messages as catalogue keys, beside fieldErrors' English. */
  readonly fieldNotices?: Record<string, Notice[]>;

  constructor(
    code: SafeErrorCode,
    message: string,
    fieldErrors?: Record<string, string[]>,
    said?: { notice?: Notice; fieldNotices?: Record<string, Notice[]> },
  ) {
    super(message);
    this.name = "SafeError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.notice = said?.notice;
    this.fieldNotices = said?.fieldNotices;
  }

  get status(): number {
    return SAFE_ERROR_STATUS[this.code];
  }
}

export function isSafeError(e: unknown): e is SafeError {
  return e instanceof SafeError;
}
