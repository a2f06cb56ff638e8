// What the end-to-end specs read from their environment, which scripts/test.ts sets: the e2e
// database, the LinkedIn sandbox and the app's encryption key. Read once, with a message that says
// how to run the specs when something is missing.
import pg from "pg";
import { z } from "zod";

const e2eEnvSchema = z.object({
  DATABASE_URL: z.string().min(1),
  E2E_SANDBOX_URL: z.url(),
  /** The mail catcher's page (lib/email/catcher.ts); its /api/messages lists what the app sent. */
  E2E_MAIL_URL: z.url(),
  /** The origin Onramp lets frame it (EMBED_ALLOWED_ORIGINS); e2e/embed.spec.ts serves the ATS's page there. */
  E2E_EMBED_ORIGIN: z.url(),
  ONRAMP_ENCRYPTION_KEY: z.string().min(1),
  ONRAMP_ENCRYPTION_KEY_ID: z.string().default("k1"),
});
export type E2eEnv = z.infer<typeof e2eEnvSchema>;

let cached: E2eEnv | undefined;
export function e2eEnv(): E2eEnv {
  if (!cached) {
    const parsed = e2eEnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const names = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
      throw new Error(`${names} not set: run the specs through \`npm run test:e2e\` (scripts/test.ts)`);
    }
    cached = parsed.data;
  }
  return cached;
}

let pool: pg.Pool | undefined;
/** A query on the e2e database, for arranging and checking what the UI can not show. */
export async function e2eSql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: e2eEnv().DATABASE_URL, max: 3 });
  return (await pool.query<T>(text, values)).rows;
}

export async function closeE2eSql(): Promise<void> {
  await pool?.end();
  pool = undefined;
}
