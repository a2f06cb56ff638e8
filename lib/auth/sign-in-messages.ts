// What the sign-in form says for each answer of next-auth's credentials sign-in (lib/auth/options.ts). Pure: the
// form (a client component) and the sign-in page both read it. No message tells whether an email has an account:
// unknown emails are refused and throttled exactly like known ones (lib/auth/sign-in-throttle.ts, issue 20).

/** The error code of a throttled attempt (next-auth answers it as `error`). */
export const SIGN_IN_THROTTLED = "TooManyAttempts";
/** The error code when the attempt could not be checked at all (e.g. the database is away). */
export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";

// "At most 15": every wait of SIGN_IN_LIMITS ends within 15 minutes (windowMs, blockCapMs).
const MESSAGES: Record<string, string> = {
  [SIGN_IN_THROTTLED]:
    "Too many sign-in attempts for this email. Wait a few minutes (at most 15), then try again. If you forgot your password, ask your operator to re-send your invitation.",
  [SIGN_IN_UNAVAILABLE]: "Sign-in is unavailable right now. Try again in a minute.",
};
const REFUSED =
  "That email and password do not match an active account. Check them, or ask your operator to re-send your invitation.";

/** The sentence for next-auth's `error` code; any other code is a refusal. */
export function signInErrorMessage(code: string): string {
  return MESSAGES[code] ?? REFUSED;
}
