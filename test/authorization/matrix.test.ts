// The authorization matrix (issue 20, point 4): every page, layout, route handler method and server action, found
// in the file tree, called by every kind of caller through the REAL guard (a next-auth session cookie, read by
// next-auth, currentActor() and lib/auth/guard.ts; bearer tokens read by lib/vendor-api/route.ts), against the
// rules table (rules.ts). An entry point without a rule fails, naming its file.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiScope, API_SCOPES } from "@/lib/api-tokens/scopes";
import { disconnectDb } from "@/lib/db/client";
import { setProcessEnv } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { type Fixtures, makeFixtures, PEOPLE } from "./callers";
import { cancelQueuedJobsOf } from "./cleanup";
import { enumerateEntries } from "./enumerate";
import { knock } from "./knock";
import { type Rule, RULES } from "./rules";

// Outside a Next.js server there is no request scope: the request's headers come from runAsRequest (session.ts),
// connection() has nothing to wait for, and a page's cache has nothing to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", async () => ({ ...(await import("./session")).requestHeaders }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => undefined,
}));

const entries = await enumerateEntries();
let fx: Fixtures;

beforeAll(async () => {
  // GET /api/metrics is off (404) without a token; on, it must refuse every caller here (none holds the token).
  setProcessEnv({ METRICS_TOKEN: "matrix-metrics-token-not-given-to-anyone" });
  fx = await makeFixtures();
});
afterAll(async () => {
  if (fx) await cancelQueuedJobsOf([fx.customerId, fx.foreignCustomerId]);
  await stopBoss();
  await disconnectDb();
});

type Caller = { name: string; headers: Record<string, string>; through: boolean };

/** Every caller of an entry point, and whether its rule lets them through. */
function callersOf(key: string, rule: Rule): Caller[] {
  const isPublic = "who" in rule && rule.who === "public";
  const people = PEOPLE.map((p) => ({
    name: p,
    headers: { cookie: fx.cookies[p] },
    through: isPublic || ("who" in rule && rule.who.includes(p)),
  }));
  const callers: Caller[] = [{ name: "signed out", headers: {}, through: isPublic }, ...people];
  if (!key.includes("/route.ts ")) return callers;
  if ("api" in rule) {
    const scope: ApiScope = rule.api;
    callers.push(
      { name: `token with ${scope}`, headers: { authorization: `Bearer ${fx.tokenWith[scope]}` }, through: true },
      {
        name: `token without ${scope}`,
        headers: { authorization: `Bearer ${fx.tokenWithout[scope]}` },
        through: false,
      },
    );
  } else {
    callers.push({
      name: "token with every scope",
      headers: { authorization: `Bearer ${fx.tokenWithAll}` },
      through: isPublic,
    });
  }
  return callers;
}

describe("the rules table", () => {
  it("has a rule for every page, route handler and server action in app/", () => {
    const missing = entries.filter((e) => !(e.key in RULES)).map((e) => e.key);
    expect(missing, `Add a rule to test/authorization/rules.ts for: ${missing.join(", ")}`).toEqual([]);
  });

  it("has no rule for an entry point that no longer exists", () => {
    const known = new Set(entries.map((e) => e.key));
    expect(Object.keys(RULES).filter((k) => !known.has(k))).toEqual([]);
  });

  it("names only scopes that exist", () => {
    for (const rule of Object.values(RULES)) if ("api" in rule) expect(API_SCOPES).toContain(rule.api);
  });
});

describe.each(entries.map((e) => [e.key, e] as const))("%s", (key, entry) => {
  it("lets through exactly whom its rule names", async () => {
    const rule = RULES[key];
    if (!rule)
      throw new Error(`${entry.file}: no rule for ${key} in test/authorization/rules.ts; decide who may use it`);
    const wrong: string[] = [];
    for (const caller of callersOf(key, rule)) {
      const input = "input" in rule && rule.input ? rule.input(fx) : {};
      const customerScoped = "customerScoped" in rule && rule.customerScoped === true;
      const outcome = await knock(entry, fx, caller.headers, { input, customerScoped });
      if (outcome.through !== caller.through)
        wrong.push(`${caller.name} ${caller.through ? "was refused" : "got through"} (${outcome.detail})`);
    }
    expect(wrong, `${key}:\n  ${wrong.join("\n  ")}`).toEqual([]);
  });
});
