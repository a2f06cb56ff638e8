// The error codes of next-auth's credentials sign-in (lib/auth/options.ts) the sign-in form words apart; their
// sentences are in the catalogues (lib/i18n/messages, SignIn: "At most 15" because every wait of SIGN_IN_LIMITS
// ends within 15 minutes). Pure. No message tells whether an email has an account:
// unknown emails are refused and throttled exactly like known ones (lib/auth/sign-in-throttle.ts, issue 20).

/** The error code of a throttled attempt (next-auth answers it as `error`). */
export const SIGN_IN_THROTTLED = "TooManyAttempts";
/** The error code when the attempt could not be checked at all (e.g. the database is away). */
export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";

// Staff sign-in through the identity provider (lib/auth/staff-oidc.ts): next-auth answers a refusal with this code
// in the sign-in page's address. Like the password codes, they tell the person what to do, not whose account it is.
/** The provider's claims grant no staff role (no Onramp group). */
export const STAFF_NO_ROLE = "StaffNoRole";
/** The person may not sign in here: disabled in Onramp, a customer admin's email, or an email another identity holds. */
export const STAFF_REFUSED = "StaffRefused";
/** next-auth's own codes when the exchange with the provider failed (OAuthSignin, OAuthCallback, Callback…). */
export const PROVIDER_FAILED_CODES: readonly string[] = [
  "OAuthSignin",
  "OAuthCallback",
  "Callback",
  "OAuthAccountNotLinked",
];
