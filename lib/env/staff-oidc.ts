// Staff sign-in through the company's identity provider (issue 24 point 3, lib/auth/staff-oidc.ts). Part of
// serverEnvSchema (lib/env.ts, the only reader of process.env; every variable is in .env.example).
import { z } from "zod";
import { httpUrl } from "./fields";

/** "a, b c" → ["a", "b", "c"]: the claim values that grant a role. */
const valueList = z
  .string()
  .default("")
  .transform((v) => v.split(/[\s,]+/).filter(Boolean));

/** The identity provider (OIDC) staff sign in with, and whether staff may still sign in with a password. */
export const staffOidcEnv = {
  /** The provider's issuer URL (its /.well-known/openid-configuration is read from it); empty: no OIDC sign-in. */
  STAFF_OIDC_ISSUER: z.preprocess((v) => (v === "" ? undefined : v), httpUrl.optional()),
  STAFF_OIDC_CLIENT_ID: z.string().default(""),
  STAFF_OIDC_CLIENT_SECRET: z.string().default(""),
  /** The scopes asked for: the role claim must be in the ID token they give (some providers need "groups"). */
  STAFF_OIDC_SCOPE: z.string().min(1).default("openid email profile"),
  /** The button's words: "Sign in with <name>". */
  STAFF_OIDC_NAME: z.string().min(1).max(60).default("your company account"),
  /** The ID token claim that lists the person's groups or roles (a list of texts, or one text). */
  STAFF_OIDC_ROLE_CLAIM: z.string().min(1).default("groups"),
  /** Values of that claim that make the person an operator (comma- or space-separated); operator wins over support. */
  STAFF_OIDC_OPERATOR_VALUES: valueList,
  /** Values of that claim that make the person support staff. */
  STAFF_OIDC_SUPPORT_VALUES: valueList,
  /** "off": staff sign in only through the identity provider; customer admins keep passwords and sign-in links. */
  STAFF_PASSWORD_SIGN_IN: z.enum(["on", "off"]).default("on"),
};

type StaffOidcFields = {
  STAFF_OIDC_ISSUER?: string;
  STAFF_OIDC_CLIENT_ID: string;
  STAFF_OIDC_CLIENT_SECRET: string;
  STAFF_OIDC_OPERATOR_VALUES: string[];
  STAFF_OIDC_SUPPORT_VALUES: string[];
  STAFF_PASSWORD_SIGN_IN: "on" | "off";
};

/** The settings that only make sense together (a half-configured provider refuses to start, naming what is missing). */
export function checkStaffOidc(e: StaffOidcFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!e.STAFF_OIDC_ISSUER) {
    if (e.STAFF_PASSWORD_SIGN_IN === "off")
      issue("STAFF_PASSWORD_SIGN_IN", "off needs STAFF_OIDC_ISSUER: otherwise no staff member could sign in");
    return;
  }
  if (!e.STAFF_OIDC_CLIENT_ID) issue("STAFF_OIDC_CLIENT_ID", "required when STAFF_OIDC_ISSUER is set");
  if (!e.STAFF_OIDC_CLIENT_SECRET) issue("STAFF_OIDC_CLIENT_SECRET", "required when STAFF_OIDC_ISSUER is set");
  if (e.STAFF_OIDC_OPERATOR_VALUES.length + e.STAFF_OIDC_SUPPORT_VALUES.length === 0)
    issue(
      "STAFF_OIDC_OPERATOR_VALUES",
      "set STAFF_OIDC_OPERATOR_VALUES or STAFF_OIDC_SUPPORT_VALUES when STAFF_OIDC_ISSUER is set: otherwise nobody gets a role",
    );
}
