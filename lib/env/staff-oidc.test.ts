// Issue 24 point 3: the identity provider's settings only make sense together; a half-set provider refuses to start
// with each missing setting named.
import { describe, expect, it } from "vitest";
import { EnvError, serverEnvSchema } from "../env";

const base = {
  DATABASE_URL: "postgresql://localhost/onramp",
  ONRAMP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  NEXTAUTH_SECRET: "x".repeat(32),
};
const problems = (vars: Record<string, string>) => {
  const result = serverEnvSchema.safeParse({ ...base, ...vars });
  return result.success ? "" : new EnvError(result.error.issues).message;
};

describe("staff OIDC settings", () => {
  it("are off by default, with staff passwords on", () => {
    const e = serverEnvSchema.parse({ ...base, STAFF_OIDC_ISSUER: "" });
    expect(e.STAFF_OIDC_ISSUER).toBeUndefined();
    expect(e.STAFF_PASSWORD_SIGN_IN).toBe("on");
    expect(e.STAFF_OIDC_ROLE_CLAIM).toBe("groups");
  });

  it("read the role values as lists and trim the issuer's trailing slash", () => {
    const e = serverEnvSchema.parse({
      ...base,
      STAFF_OIDC_ISSUER: "https://idp.example.test/realms/corp/",
      STAFF_OIDC_CLIENT_ID: "onramp",
      STAFF_OIDC_CLIENT_SECRET: "s",
      STAFF_OIDC_OPERATOR_VALUES: "ops, onramp-admins",
      STAFF_OIDC_SUPPORT_VALUES: "helpdesk",
      STAFF_PASSWORD_SIGN_IN: "off",
    });
    expect(e.STAFF_OIDC_ISSUER).toBe("https://idp.example.test/realms/corp");
    expect(e.STAFF_OIDC_OPERATOR_VALUES).toEqual(["ops", "onramp-admins"]);
    expect(e.STAFF_OIDC_SUPPORT_VALUES).toEqual(["helpdesk"]);
  });

  it("name what a half-set provider lacks, and refuse staff passwords off without a provider", () => {
    const message = problems({ STAFF_OIDC_ISSUER: "https://idp.example.test" });
    expect(message).toContain("STAFF_OIDC_CLIENT_ID: required when STAFF_OIDC_ISSUER is set");
    expect(message).toContain("STAFF_OIDC_CLIENT_SECRET: required when STAFF_OIDC_ISSUER is set");
    expect(message).toContain(
      "STAFF_OIDC_OPERATOR_VALUES: set STAFF_OIDC_OPERATOR_VALUES or STAFF_OIDC_SUPPORT_VALUES",
    );
    expect(problems({ STAFF_PASSWORD_SIGN_IN: "off" })).toContain(
      "STAFF_PASSWORD_SIGN_IN: off needs STAFF_OIDC_ISSUER",
    );
  });
});
