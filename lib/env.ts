// The only reader of process.env (docs/ARCHITECTURE.md, "Layers"). Every variable is listed, with a comment, in
// .env.example. Parsing is lazy so that `next build` can import modules without a full environment;
// the first real use refuses to go on with a message that names each missing or malformed variable.
import { z } from "zod";
import { parseTrustedProxy } from "./http/client-address";

const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((u) => u.replace(/\/+$/, ""));
const intFromEnv = (def: number) => z.coerce.number().int().nonnegative().default(def);
const boolFromEnv = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(def ? "true" : "false")
    .transform((v) => v === "true" || v === "1");

export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
  /**
   * How long a transaction may wait for a connection and its BEGIN. Prisma's own 2 s failed start-up under
   * load ("Unable to start a transaction in the given time", seen on a loaded 2-core machine).
   */
  DB_TRANSACTION_MAX_WAIT_MS: z.coerce.number().int().min(100).default(15_000),
  /** How long an interactive transaction may run before Prisma rolls it back, unless the call sets its own. */
  DB_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  /** AES-256-GCM key for secrets at rest (C3). */
  ONRAMP_ENCRYPTION_KEY: base64Key32,
  /** Id written into every ciphertext so keys can rotate. */
  ONRAMP_ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}$/, "letters, digits, _ or -, at most 16")
    .default("k1"),
  /** Older keys still accepted for decryption: "id:base64,id:base64". */
  ONRAMP_ENCRYPTION_OLD_KEYS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const keys: Record<string, string> = {};
      for (const part of v
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [id, key] = part.split(":");
        if (!id || !key || Buffer.from(key, "base64").length !== 32) {
          ctx.addIssue({ code: "custom", message: `entry "${id ?? part}" must be id:base64-of-32-bytes` });
          return z.NEVER;
        }
        keys[id] = key;
      }
      return keys;
    }),
  /** Signs next-auth session tokens. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  /** Public base URL of this Onramp; callback URLs (C21) are built from it. */
  PUBLIC_URL: httpUrl.default("http://localhost:3000"),

  LINKEDIN_API_URL: httpUrl.default("https://api.linkedin.com"),
  LINKEDIN_OAUTH_URL: httpUrl.default("https://www.linkedin.com"),
  LINKEDIN_PLATFORM_URL: httpUrl.default("https://platform.linkedin.com"),
  /**
   * L10: the plugin's extension URL written into the in.js tag. LinkedIn shows two forms: the docs'
   * {LINKEDIN_PLATFORM_URL}/rsc/extensions/onboarding-widget (empty = this, the default) and its sample
   * page's https://www.linkedin.com/recruiter/widget/ATSIntegration. Its origin is added to the CSP.
   */
  LINKEDIN_WIDGET_EXTENSION_URL: z.union([z.literal(""), httpUrl]).default(""),
  /** The vendor's parent developer application, used for provisioning (C1). */
  LINKEDIN_CLIENT_ID: z.string().default(""),
  LINKEDIN_CLIENT_SECRET: z.string().default(""),
  /** "{vendor name} - {customer name}" names provisioned applications. */
  LINKEDIN_VENDOR_NAME: z.string().min(1).default("Onramp ATS"),
  /** oauth2AuthorizedCallbackUrls of new customer applications (L3), comma-separated; empty: the field is omitted. */
  LINKEDIN_APP_CALLBACK_URLS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((u) => u.trim())
        .filter((u) => u !== ""),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: "each callback URL must be an http(s) URL" }))),
  /** A cached customer token is renewed this many seconds before it expires (L1: tokens live 30 minutes). */
  LINKEDIN_TOKEN_RENEW_MARGIN_SECONDS: intFromEnv(300),
  /** Rotation policy (L7: LinkedIn advises 60-90 days): older secrets are listed in the issues view. */
  LINKEDIN_SECRET_MAX_AGE_DAYS: intFromEnv(90),
  /**
   * After a roll, pushes signed with the previous secret are accepted this many hours (L7 keeps both valid;
   * which one signs pushes is not documented). ASSUMPTION: a week.
   */
  LINKEDIN_SECRET_OVERLAP_HOURS: intFromEnv(168),
  /** LinkedIn allows 5,000 calls a day per application and resource (C26, L17: all methods on v2/atsIntegrations together). */
  LINKEDIN_DAILY_CALL_BUDGET: intFromEnv(5000),
  /**
   * C26, L17: how a 429 that means "the application's daily limit is spent" (held until midnight UTC) is
   * told from a protective one (short backoff). LinkedIn documents no marker: ASSUMPTION. A 429 whose body
   * matches this case-insensitive pattern is the daily limit (LinkedIn's throttle messages name the
   * "APPLICATION DAY limit"); empty turns the marker off.
   */
  LINKEDIN_DAILY_LIMIT_MARKER: z
    .string()
    .default("day limit|daily limit")
    .refine((v) => {
      try {
        new RegExp(v, "i");
        return true;
      } catch {
        return false;
      }
    }, "must be a valid regular expression (or empty)"),
  /**
   * C26, L17, ASSUMPTION: a 429 also counts as the daily limit once Onramp's own count of the resource's
   * calls today reaches this percentage of LINKEDIN_DAILY_CALL_BUDGET (below 100 leaves room for calls the
   * vendor's ATS makes with the same application). 0 turns this rule off.
   */
  LINKEDIN_DAILY_LIMIT_AT_PERCENT: intFromEnv(100),
  /**
   * L16: the LinkedIn-Version header (YYYYMM, e.g. 202604) sent on every API call when set; empty sends
   * none (Rest.li 1.0 on /v2, what the seeds show).
   */
  LINKEDIN_VERSION: z
    .string()
    .default("")
    .refine((v) => v === "" || /^\d{6}$/.test(v), "must be empty or a version like 202604 (YYYYMM)"),
  /** Attempts per LinkedIn call before giving up with a clear message (C26). */
  LINKEDIN_MAX_ATTEMPTS: intFromEnv(5),
  /** First backoff delay; doubles each attempt, with jitter. */
  LINKEDIN_BACKOFF_BASE_MS: intFromEnv(1000),
  /** Minimum spacing between calls of one application to v2/atsIntegrations, as LinkedIn receives them (C13, C30). */
  LINKEDIN_BATCH_SPACING_MS: intFromEnv(1000),
  /**
   * ASSUMPTION (LinkedIn documents no pace for its token endpoint): minimum spacing between the token requests
   * with which a bulk import checks its rows (issue 10 item 7), across every Onramp process.
   */
  LINKEDIN_IMPORT_SPACING_MS: intFromEnv(100),

  /**
   * Issue 24: the longest a stop (SIGINT/SIGTERM) may take before the process exits 1 anyway; jobs still running
   * after half of it are handed back to the queue (lib/runtime/shutdown.ts).
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(20_000),
  /** Fallback poll interval (C28). */
  POLL_INTERVAL_MINUTES: intFromEnv(60),
  /** Integrations REQUESTED/PARTNER_READY longer than this show in the issues view. */
  STUCK_AFTER_HOURS: intFromEnv(72),
  /** Run job workers in this process (every instance may; pg-boss coordinates them). */
  JOBS_WORKERS: boolFromEnv(true),
  /** Jobs of one kind this process runs at once (each customer's sync still runs one at a time). */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** A job whose worker died is retried after this long (pg-boss expiry); its attempt counts. */
  JOBS_EXPIRE_SECONDS: intFromEnv(900),
  /**
   * How often pg-boss looks for jobs whose worker died (expired, JOBS_EXPIRE_SECONDS) and hands them on; a
   * killed worker's job comes back within JOBS_EXPIRE_SECONDS + this. pg-boss's own default.
   */
  JOBS_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** Attempts per job before it is FAILED and shown to support (C28). */
  JOBS_MAX_ATTEMPTS: intFromEnv(5),
  /** First retry delay of a failed job in seconds (pg-boss doubles it each time). */
  JOBS_RETRY_DELAY_SECONDS: intFromEnv(30),
  /** Largest callback body accepted (issue #5). */
  CALLBACK_MAX_BODY_BYTES: intFromEnv(65536),
  /**
   * Largest body of every other route that reads one (issue 20 item 6: /api/v1 except key imports, next-auth's
   * /api/auth/*, one-click unsubscribe); over it answers 413 (lib/http/bounded-body.ts).
   */
  REQUEST_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(65536),
  /**
   * How long the vendor API remembers a POST's Idempotency-Key and answer (issue 21 point 4): a retry within it
   * gets the first answer; after it the key may be used again.
   */
  API_IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Webhooks (issue 12): a failing endpoint is disabled after failing this long without a success. */
  WEBHOOK_DISABLE_AFTER_HOURS: intFromEnv(72),
  /** How often an idle webhook sender looks for due deliveries. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(20).default(250),
  /** Webhook deliveries one process sends at once. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  /**
   * Issue 20, point 1: requests to addresses a user set (webhook endpoints) may use plain http and reach
   * private, loopback and link-local addresses (lib/egress). For development only, and shown in the console
   * while on. Off unless set, in every environment (production included); `npm run demo` and the test harnesses
   * turn it on for their local receivers.
   */
  OUTBOUND_ALLOW_PRIVATE_NETWORK: boolFromEnv(false),
  /**
   * Events one replay request may queue to an endpoint, and the most replayed deliveries an endpoint may have
   * waiting (issue 20 item 6): a replay over either is refused with a message.
   */
  WEBHOOK_REPLAY_MAX_EVENTS: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Sign-in links minted by the vendor API (issue 12) work this many minutes. */
  ADMIN_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** Origins that may frame the integrations page (embedded mode, CSP frame-ancestors), space-separated; empty: none. */
  EMBED_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z.array(
        z
          .url({ protocol: /^https?$/, error: "each origin must be an http(s) URL" })
          .transform((u) => new URL(u).origin),
      ),
    ),

  /** Outgoing mail server (issue 14): smtp://user:pass@host:port or smtps://…; empty sends nothing (emails wait, queued). */
  SMTP_URL: z
    .string()
    .default("")
    .refine(
      (v) => v === "" || /^smtps?:\/\/[^\s/]+/.test(v),
      "must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)",
    ),
  /** The sender address of every email; the vendor's name (LINKEDIN_VENDOR_NAME) is its display name. */
  EMAIL_FROM: z
    .email({ error: "must be an email address (onboarding@vendor.example)" })
    .default("onboarding@onramp.test"),
  /** Attempts per email before it is FAILED and shown on the customer page. */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** First retry delay of an email in seconds; doubles each attempt. */
  EMAIL_RETRY_BASE_SECONDS: intFromEnv(60),
  /** An attempt not finished after this long (its worker died) is sent again, with the same Message-ID. */
  EMAIL_SEND_LEASE_SECONDS: z.coerce.number().int().min(10).default(120),
  /** Default days between PARTNER_READY reminders (operators can change it in Settings). */
  NUDGE_REMINDER_DAYS: z.coerce.number().int().min(1).max(90).default(3),
  /** Hour (UTC) from which the daily support digest is sent. */
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  /**
   * Issue 20 point 2: the proxies in front of Onramp (load balancer, reverse proxy) that append their peer to
   * x-forwarded-for, as IP addresses or CIDRs, comma- or space-separated. Onramp's server (scripts/serve.ts) takes
   * the client's address from the socket, and from x-forwarded-for only past peers listed here; empty: the socket's.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z.array(
        z.string().refine((e) => parseTrustedProxy(e) !== null, {
          error: (issue) => `"${String(issue.input)}" is neither an IP address nor a CIDR such as 10.0.0.0/8`,
        }),
      ),
    ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
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
