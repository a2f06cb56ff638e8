// Least privilege over real HTTP (issue 20, point 4): support and a customer admin, signed in through next-auth,
// try every server action and console route the rules table (test/authorization/rules.ts, the one the matrix
// test enforces) does not give them, retry every job kind the job table (lib/jobs/permissions.ts) keeps for
// operators, and call every vendor API operation with a token lacking its scope or with their session instead of
// a token. Got through: an action that answered with anything but a refusal, a route that answered 2xx, an API
// call that was not answered 401 or 403.
import { randomUUID } from "node:crypto";
import { API_SCOPES } from "@/lib/api-tokens/scopes";
import { db } from "@/lib/db/client";
import { JobKind } from "@/lib/db/enums";
import { mayOperateJob } from "@/lib/jobs/permissions";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { urlPathOf } from "@/test/authorization/enumerate";
import { RULES } from "@/test/authorization/rules";
import { gotPastTheGuard, postServerAction, serverActionIndex } from "../server-actions";
import type { AttackStack, Probe, Tally } from "../types";

type Who = { label: string; person: "support" | "own admin"; cookie: string };

async function signedIn(stack: AttackStack, email: string, password: string): Promise<string> {
  const cookie = await stack.signIn(email, password);
  if (!cookie) throw new Error(`${email} could not sign in: the probe can not try anything as them`);
  return cookie;
}

/** Rows this probe may aim at: its customer, and a finished job of every kind only operators may retry. */
async function targets(customerId: string): Promise<{ kind: JobKind; jobId: string }[]> {
  const keyImport = await db.keyImport.create({ data: { rowCount: 0, triggeredBy: "attack:privilege" } });
  const payloads: Partial<Record<JobKind, object>> = {
    PROVISION_APPLICATION: { customerId },
    SYNC_APP_DOMAINS: {},
    ROTATE_SECRETS: { olderThanDays: 3650, setBefore: "2000-01-01T00:00:00.000Z" },
    IMPORT_APPLICATION_KEYS: { importId: keyImport.id },
  };
  const jobs: { kind: JobKind; jobId: string }[] = [];
  for (const kind of Object.values(JobKind)) {
    const payload = payloads[kind];
    if (mayOperateJob("SUPPORT", kind, "retry") || !payload) continue;
    const job = await db.job.create({
      data: { kind, status: "FAILED", customerId: kind === "PROVISION_APPLICATION" ? customerId : null, payload },
    });
    jobs.push({ kind, jobId: job.id });
  }
  return jobs;
}

export const probe: Probe = {
  name: "privilege",
  async run(stack) {
    const customer = await stack.customer("Privilege");
    const support = await stack.staff("SUPPORT");
    const people: Who[] = [
      { label: "support", person: "support", cookie: await signedIn(stack, support.email, support.password) },
      {
        label: "customer admin",
        person: "own admin",
        cookie: await signedIn(stack, customer.adminEmail, customer.adminPassword),
      },
    ];
    const actions = serverActionIndex(stack.env.NEXT_DIST_DIR || ".next-attack");
    const params = { customerId: customer.id, importId: randomUUID() };
    const tallies: Tally[] = [];
    const tally = (attack: string) => {
      const t = { attack, tried: 0, gotThrough: 0 };
      tallies.push(t);
      return (through: boolean) => {
        t.tried += 1;
        if (through) t.gotThrough += 1;
      };
    };

    for (const who of people) {
      const count = tally(`server actions beyond ${who.label}'s role`);
      const routes = tally(`console routes beyond ${who.label}'s role`);
      for (const [key, rule] of Object.entries(RULES)) {
        if (!("who" in rule) || rule.who === "public" || rule.who.includes(who.person)) continue;
        const [file = "", name = ""] = key.split(" ");
        const ref = actions.get(key);
        if (file.endsWith("/actions.ts") && ref)
          count(
            gotPastTheGuard(
              await postServerAction(stack.baseUrl, ref, { customerId: customer.id }, who.cookie, params),
            ),
          );
        else if (file.endsWith("/route.ts")) {
          const res = await fetch(`${stack.baseUrl}${urlPathOf(file, params)}`, {
            method: name,
            headers: { cookie: who.cookie },
            redirect: "manual",
          });
          await res.body?.cancel();
          routes(res.ok);
        }
      }

      const retries = tally(`operator-only job retries as ${who.label}`);
      const retry = actions.get("app/console/actions.ts retryJobAction");
      if (!retry) throw new Error("the build has no retryJobAction: is it a build of this tree?");
      for (const { jobId } of await targets(customer.id))
        retries(gotPastTheGuard(await postServerAction(stack.baseUrl, retry, { jobId }, who.cookie, params)));
    }

    const scoped = tally("vendor API without the operation's scope");
    const sessions = tally("vendor API with a staff or customer admin session");
    for (const op of Object.values(OPERATIONS)) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === "customerId" ? customer.id : randomUUID()));
      const call = async (headers: Record<string, string>) => {
        const write = op.method !== "GET" && op.method !== "DELETE";
        const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
          method: op.method,
          headers: { ...headers, ...(write ? { "content-type": "application/json" } : {}) },
          body: write ? "{}" : undefined,
        });
        await res.body?.cancel();
        return res.status !== 401 && res.status !== 403;
      };
      const token = await stack.vendorToken(API_SCOPES.filter((s) => s !== op.scope));
      scoped(await call({ authorization: `Bearer ${token}` }));
      for (const who of people) sessions(await call({ cookie: who.cookie }));
    }
    // A role the rules deny nothing of a kind (support: no console route) has no row.
    return tallies.filter((t) => t.tried > 0);
  },
};
