// Benchmark of the support console (issue #6): the server-side response time of the overview and the
// customer page on the large data set (`npm run seed:large`: 2,000 customers, 20,000 integrations,
// 200,000 notifications). Measures the lib/console data functions exactly as the pages call them
// (in parallel, per page), and, when given a running Onramp (`--console-url=http://localhost:3000`,
// optionally `--console-email=` / `--console-password=`), the HTTP response time of the pages for a
// signed-in support user. Run through bench/run.ts (`npm run bench`), or alone:
//   tsx --conditions=react-server bench/console.bench.ts
import { performance } from "node:perf_hooks";
import { db, disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { listAudit } from "@/lib/console/audit";
import { customerIntegrations, customerJobs, customerNotifications, customerSummary, linkedInUsage } from "@/lib/console/customer";
import type { IntegrationFilter } from "@/lib/console/filters";
import { failedJobs, failedNotifications, keyFailures, openAnomalies, stuckAfterHours, stuckIntegrations } from "@/lib/console/issues";
import { knownIntegrationTypes, listIntegrations, recentChanges, stageCounts } from "@/lib/console/overview";
import { LARGE, seedLarge } from "@/scripts/seed-large";

const RUNS = 7;
const BUSY_CUSTOMER = "lg-c-00001";

type Timing = { name: string; medianMs: number; p95Ms: number; maxMs: number };

async function time(name: string, fn: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  await fn(); // warm-up: connection pool, plan cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, medianMs: at(0.5), p95Ms: at(0.95), maxMs: samples[samples.length - 1]! };
}

function print(title: string, rows: Timing[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`  ${"".padEnd(width)}  median      p95      max`);
  for (const r of rows) {
    const f = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
    console.log(`  ${r.name.padEnd(width)}${f(r.medianMs)}${f(r.p95Ms)}${f(r.maxMs)}`);
  }
}

/** Seeds the large set when it is missing, but only on a database holding no more than the demo. */
async function ensureLargeSet(): Promise<boolean> {
  const large = await db.customer.count({ where: { id: { startsWith: "lg-" } } });
  if (large >= LARGE.customers) return true;
  const others = await db.customer.count({ where: { NOT: { id: { startsWith: "lg-" } } } });
  if (others > 5) {
    console.log(`[console bench] this database has ${others} customers but not the large set; run \`npm run seed:large\` on a bench database first.`);
    return false;
  }
  console.log("[console bench] seeding the large set (npm run seed:large)…");
  await seedLarge(env().DATABASE_URL);
  return true;
}

async function overviewPage(filter: IntegrationFilter) {
  return Promise.all([stageCounts(filter), listIntegrations(filter, 1), recentChanges(filter, 1), knownIntegrationTypes()]);
}

async function customerPage(customerId: string) {
  const summary = await customerSummary(customerId);
  return Promise.all([
    customerIntegrations(customerId, 1),
    customerJobs(customerId, 1),
    customerNotifications(customerId, 1),
    listAudit({ customerId }, 1, 10),
    linkedInUsage(summary?.application ?? null),
  ]);
}

async function issuesPage() {
  const hours = await stuckAfterHours();
  return Promise.all([failedJobs(1), keyFailures(1), stuckIntegrations(hours, 1), openAnomalies(1), failedNotifications(1)]);
}

function arg(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie header. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!, v.join("="));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`signing in as ${email} failed (${res.status})`);
  return cookie();
}

async function httpTimings(baseUrl: string): Promise<Timing[]> {
  const cookie = await signIn(baseUrl, arg("console-email") ?? "support@onramp.test", arg("console-password") ?? "onramp-demo-password");
  const get = (path: string) => async () => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  };
  return [
    await time("GET /console", get("/console")),
    await time("GET /console?status=REQUESTED&errors=with", get("/console?status=REQUESTED&errors=with")),
    await time(`GET /console/customers/${BUSY_CUSTOMER}`, get(`/console/customers/${BUSY_CUSTOMER}`)),
    await time("GET /console/issues", get("/console/issues")),
  ];
}

export default async function consoleBench(): Promise<void> {
  try {
    if (!(await ensureLargeSet())) return;
    const counts = await Promise.all([db.customer.count(), db.integration.count(), db.notification.count()]);
    console.log(`\n[console bench] ${counts[0]} customers, ${counts[1]} integrations, ${counts[2]} notifications; ${RUNS} runs after a warm-up`);
    print("Overview (lib/console data functions, as the page calls them)", [
      await time("overview, no filter", () => overviewPage({})),
      await time("overview, status=REQUESTED", () => overviewPage({ status: "REQUESTED" })),
      await time("overview, type + errors=with", () => overviewPage({ type: "APPLY_CONNECT", errors: "with" })),
      await time("overview, customer=Globex", () => overviewPage({ customer: "Globex" })),
      await time("overview, page 40", () => listIntegrations({}, 40)),
      await time("  stageCounts", () => stageCounts({})),
      await time("  listIntegrations", () => listIntegrations({}, 1)),
      await time("  recentChanges", () => recentChanges({}, 1)),
    ]);
    print("Customer page", [
      await time(`customer page ${BUSY_CUSTOMER}`, () => customerPage(BUSY_CUSTOMER)),
      await time("  customerNotifications", () => customerNotifications(BUSY_CUSTOMER, 1)),
      await time("  customerIntegrations (+history)", () => customerIntegrations(BUSY_CUSTOMER, 1)),
      await time("issues page", () => issuesPage()),
      await time("audit page, no filter", () => listAudit({}, 1)),
      await time("audit page, action=job", () => listAudit({ action: "job" }, 1)),
    ]);
    const baseUrl = arg("console-url");
    if (baseUrl) print(`HTTP (signed in as support, ${baseUrl})`, await httpTimings(baseUrl.replace(/\/+$/, "")));
    else console.log("\n(HTTP timings skipped: pass --console-url=http://localhost:3000 with Onramp running on this database)");
  } finally {
    await disconnectDb();
  }
}

if (process.argv[1] && /console\.bench\.ts$/.test(process.argv[1])) {
  consoleBench().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error("[console bench] failed:", e);
      process.exit(1);
    },
  );
}
