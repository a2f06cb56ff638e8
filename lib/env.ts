// The only reader of process.env (docs/ARCHITECTURE.md, "Layers"). The server's variables are declared by
// concern in lib/env/ and composed here. Every variable is listed, with a comment, in
// .env.example. Parsing is lazy so that `next build` can import modules without a full environment;
// the first real use refuses to go on with a message that names each missing or malformed variable.
import { z } from "zod";
import { deliveryEnv } from "./env/delivery";
import { jobsEnv } from "./env/jobs";
import { linkedinEnv } from "./env/linkedin";
import { operationsEnv } from "./env/operations";
import { platformEnv } from "./env/platform";
import { checkStaffOidc, staffOidcEnv } from "./env/staff-oidc";

/** Every variable the server reads, by concern (lib/env/). */
export const serverEnvSchema = z
  .object({ ...platformEnv, ...linkedinEnv, ...jobsEnv, ...deliveryEnv, ...staffOidcEnv, ...operationsEnv })
  .superRefine(checkStaffOidc);
export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** What the launcher (scripts/onramp.ts) needs before the database exists. */
export const launcherEnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  TEST_DATABASE_URL: z.string().optional(),
  /** Tests only: "1" skips the test that starts an embedded PostgreSQL (lib/db/embedded.test.ts). */
  SKIP_EMBEDDED_PG: z.string().optional(),
  ONRAMP_DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().positive().default(3000),
  SANDBOX_PORT: z.coerce.number().int().nonnegative().default(3001),
  LINKEDIN_API_URL: z.string().optional(),
  /** When set, the demo sends mail there instead of starting its mail catcher. */
  SMTP_URL: z.string().optional(),
  /** The demo's mail catcher: SMTP port it receives on, and the port of its page where the mail is read. */
  MAIL_CATCHER_SMTP_PORT: z.coerce.number().int().nonnegative().default(1025),
  MAIL_CATCHER_PORT: z.coerce.number().int().nonnegative().default(1080),
  CI: z.string().optional(),
});
export type LauncherEnv = z.infer<typeof launcherEnvSchema>;

/** What next.config.ts reads: build configuration, not app configuration. */
export const buildEnvSchema = z.object({
  /** Output folder of the Next build, so parallel builds (benches, several checkouts' e2e runs) don't collide. */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
});
export type BuildEnv = z.infer<typeof buildEnvSchema>;

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
    super(
      `Onramp cannot start: the environment is missing or has malformed variables:\n${lines.join("\n")}\nSee .env.example.`,
    );
    this.name = "EnvError";
  }
}

function parse<T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: ServerEnv | undefined;
/** The validated server environment; throws EnvError naming every bad variable. */
export function env(): ServerEnv {
  cached ??= parse(serverEnvSchema, process.env);
  return cached;
}

export function launcherEnv(): LauncherEnv {
  return parse(launcherEnvSchema, process.env);
}

export function buildEnv(): BuildEnv {
  return parse(buildEnvSchema, process.env);
}

/** Raw access for the launcher and test harness, which set variables for child processes. */
export function processEnvSnapshot(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** For the launcher and test harness only: sets variables for this process and its children. */
export function setProcessEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  cached = undefined;
}
