// The stack the hostile-client run attacks (issue 20): what each probe may set up for itself. Customers, staff and
// vendor tokens are written straight into the database (they are not under attack); sign-in goes through
// next-auth's credentials flow over HTTP, as a browser's does, so the throttle and the guard are the real ones.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { sha256Hex } from "@/lib/crypto/tokens";
import { encryptSecret } from "@/lib/crypto/secrets";
import { newCallbackKey } from "@/lib/customers/callback-url";
import { db } from "@/lib/db/client";
import { customerAppSecretContext } from "@/lib/linkedin/secret-contexts";
import type { SandboxState } from "@/sandbox/state";
import type { AttackCustomer, AttackStack, StaffRole } from "./types";

/** Every Set-Cookie of a response as one Cookie header (name=value pairs only). */
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

export function attackStack(input: {
  baseUrl: string;
  sandboxUrl: string;
  sandbox: SandboxState;
  databaseUrl: string;
  env: Readonly<Record<string, string>>;
}): AttackStack {
  const { baseUrl, sandbox } = input;
  const tag = () => randomBytes(4).toString("hex");
  const password = () => `attack-${randomBytes(12).toString("base64url")}`;

  async function customer(label: string): Promise<AttackCustomer> {
    const t = tag();
    const c: AttackCustomer = {
      id: randomUUID(),
      callbackKey: newCallbackKey(),
      clientId: `78attack${t}`,
      clientSecret: randomBytes(12).toString("base64url"),
      adminEmail: `admin-${t}@${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.attack.test`,
      adminPassword: password(),
    };
    const appId = randomUUID();
    await db.customer.create({
      data: {
        id: c.id,
        displayName: `${label} ${t}`,
        foreignId: `attack-${t}`,
        offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
        callbackKey: c.callbackKey,
        application: {
          create: {
            id: appId,
            clientId: c.clientId,
            clientSecretEnc: encryptSecret(c.clientSecret, customerAppSecretContext(appId)),
            clientSecretHint: "…",
            origin: "MANUAL",
          },
        },
        users: {
          create: { email: c.adminEmail, role: "CUSTOMER_ADMIN", passwordHash: await hashPassword(c.adminPassword) },
        },
      },
    });
    sandbox.putApplication({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      kind: "customer",
      createdBy: "admin",
    });
    return c;
  }

  async function staff(role: StaffRole) {
    const p = password();
    const user = await db.user.create({
      data: { email: `${role.toLowerCase()}-${tag()}@attack.test`, role, passwordHash: await hashPassword(p) },
    });
    return { id: user.id, email: user.email, password: p };
  }

  async function signIn(email: string, pw: string, headers: Record<string, string> = {}): Promise<string | null> {
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        ...headers,
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookiesOf(csrf).join("; "),
      },
      body: new URLSearchParams({ csrfToken, email, password: pw, json: "true" }),
    });
    await res.arrayBuffer();
    const session = cookiesOf(res).find((c) => /next-auth\.session-token=./.test(c));
    return session ?? null;
  }

  async function vendorToken(scopes: readonly string[]): Promise<string> {
    const token = `onr_${randomBytes(32).toString("base64url")}`;
    await db.apiToken.create({
      data: { name: `attack ${tag()}`, tokenHash: sha256Hex(token), prefix: token.slice(0, 8), scopes: [...scopes] },
    });
    return token;
  }

  return { ...input, customer, staff, signIn, vendorToken };
}
