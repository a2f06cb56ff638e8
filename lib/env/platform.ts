// Environment of the server itself: database, secrets at rest, sessions, HTTP limits, embedding, proxies, logs.
// Part of serverEnvSchema (lib/env.ts, the only reader of process.env; every variable is in .env.example).
import { z } from "zod";
import { parseTrustedProxy } from "../http/client-address";
import { base64Key32, httpUrl, intFromEnv } from "./fields";

/** Database, encryption keys, sessions, public URL, request limits, embedding, proxies and logging. */
export const platformEnv = {
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
  /**
   * How long a POST may hold its Idempotency-Key without an answer before a retry may take it over: the first
   * request's process died (a crash, a deploy) and will never answer. Longer than any request runs.
   */
  API_IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
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
};
