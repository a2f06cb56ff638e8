// `npm run attack` (issue 20): the hostile-client phase. The runner (attack/run.ts) starts Onramp's production
// build on a fresh database with the LinkedIn sandbox, then runs every probe in attack/probes/ against it over
// real HTTP and prints, per attack, how many were tried and how many got through (every figure must be 0).
import type { SandboxState } from "@/sandbox/state";

/** One line of the report: `gotThrough` counts attempts the defence should have stopped and did not. */
export type Tally = { attack: string; tried: number; gotThrough: number };

/** A customer with a LinkedIn application the sandbox knows, and an admin who signs in with a password. */
export type AttackCustomer = {
  id: string;
  callbackKey: string;
  clientId: string;
  clientSecret: string;
  adminEmail: string;
  adminPassword: string;
};

export type StaffRole = "OPERATOR" | "SUPPORT";

export type AttackStack = {
  /** Onramp's production instance, e.g. http://127.0.0.1:41234. Its socket peer is always 127.0.0.1. */
  baseUrl: string;
  /** The LinkedIn sandbox's base URL, and its state in this process (authorize tuples, read what it holds). */
  sandboxUrl: string;
  sandbox: SandboxState;
  /** The instance's database; the runner's own process has DATABASE_URL set to it, so `@/lib/db/client` works. */
  databaseUrl: string;
  /** The environment the instance runs with (production settings: NODE_ENV=production, outbound private off). */
  env: Readonly<Record<string, string>>;
  /** A new customer of the probe's own (no probe shares data with another). */
  customer(label: string): Promise<AttackCustomer>;
  /** A new staff member of `role`, signing in with the returned password. */
  staff(role: StaffRole): Promise<{ id: string; email: string; password: string }>;
  /**
   * Signs in through next-auth's credentials flow over HTTP, as a browser would; `headers` are sent with the
   * credentials POST (e.g. a forged X-Forwarded-For). Answers the session cookie header, or null when refused.
   */
  signIn(email: string, password: string, headers?: Record<string, string>): Promise<string | null>;
  /** A vendor API token with these scopes (bearer token text). */
  vendorToken(scopes: readonly string[]): Promise<string>;
};

/** A probe tries one family of attacks; each file in attack/probes/ exports one as `probe`. */
export type Probe = { name: string; run(stack: AttackStack): Promise<Tally[]> };

/** A probe whose attacks run one after the other (each may leave state the next must not race), in this order. */
export function probeOf(name: string, attacks: ((stack: AttackStack) => Promise<Tally>)[]): Probe {
  return {
    name,
    async run(stack) {
      const tallies: Tally[] = [];
      for (const attack of attacks) tallies.push(await attack(stack));
      return tallies;
    },
  };
}
