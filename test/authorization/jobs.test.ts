// The job permissions table (lib/jobs/permissions.ts, issue 20 point 4) × every role, for start, retry and cancel:
// retries through the console's real retry action and guard; starts through each kind's own start function, and
// the start actions' rules (rules.ts) must give exactly the table's roles, which matrix.test.ts then enforces.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiCaller } from "@/lib/api-tokens/authenticate";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { resyncConfigurations } from "@/lib/customers/access-controls";
import { requestDomainsSync } from "@/lib/customers/app-domains";
import { requestBulkRotation } from "@/lib/customers/bulk-rotation";
import { startKeyImport } from "@/lib/customers/key-import";
import { requestProvisioning } from "@/lib/customers/provisioning";
import { db, disconnectDb } from "@/lib/db/client";
import { JobKind } from "@/lib/db/enums";
import { stopBoss } from "@/lib/jobs/boss";
import { JOB_RULES, mayOperateJob } from "@/lib/jobs/permissions";
import { replayNotification } from "@/lib/notifications";
import { recheckIntegration, requestCustomerPoll } from "@/lib/onboarding-status";
import { type Fixtures, makeFixtures, type Person, ROLE_OF } from "./callers";
import { enumerateEntries } from "./enumerate";
import { RULES } from "./rules";
import { runAsRequest } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", async () => ({ ...(await import("./session")).requestHeaders }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => undefined,
}));

const { retryJobAction } = await import("@/app/console/actions");
const KINDS = Object.values(JobKind);
const PEOPLE: Person[] = ["operator", "support", "own admin"];
/** Kinds whose job belongs to no customer. */
const GLOBAL: ReadonlySet<JobKind> = new Set(["SYNC_APP_DOMAINS", "ROTATE_SECRETS", "IMPORT_APPLICATION_KEYS"]);

let fx: Fixtures;
beforeAll(async () => {
  fx = await makeFixtures();
});
afterAll(async () => {
  await stopBoss();
  await disconnectDb();
});

/** Each kind's own start, as a person reaches it; null: nobody asks for it by itself. */
const STARTS: Record<JobKind, ((a: Actor) => Promise<unknown>) | null> = {
  SYNC_NAMES: null,
  SYNC_CONFIGURATIONS: (a) => resyncConfigurations(a, fx.customerId),
  PROCESS_NOTIFICATION: (a) => replayNotification(fx.notificationId, a),
  POLL_STATUS: (a) => requestCustomerPoll(a, fx.customerId),
  RECHECK_STATUS: (a) => recheckIntegration(fx.integrationId, a),
  PROVISION_APPLICATION: (a) => requestProvisioning(a, fx.customerId),
  SYNC_APP_DOMAINS: (a) => requestDomainsSync(a),
  ROTATE_SECRETS: (a) => requestBulkRotation(a, { olderThanDays: 3650 }),
  IMPORT_APPLICATION_KEYS: (a) => startKeyImport(a, { rows: [] }),
};

describe.each(KINDS)("%s", (kind) => {
  it.each(PEOPLE)("retry by %s follows the table", async (who) => {
    // A stored request no kind can read: a retry that gets past the table stops at the kind's own start.
    const job = await db.job.create({
      data: { kind, status: "FAILED", customerId: GLOBAL.has(kind) ? null : fx.customerId, payload: "unreadable" },
    });
    const form = new FormData();
    form.set("jobId", job.id);
    const state = await runAsRequest({ cookie: fx.cookies[who] }, () => retryJobAction(undefined, form));
    if (mayOperateJob(ROLE_OF[who], kind, "retry")) expect(state.message).toMatch(/can no longer be read/);
    else expect(state.message).toMatch(/^(Your role does not allow|Only an operator can retry)/);
    expect(await db.auditLog.count({ where: { action: "job.retried", targetId: job.id } })).toBe(0);
  });

  it.each(PEOPLE)("start by %s is refused where the table says no", async (who) => {
    const start = STARTS[kind];
    if (!start) {
      expect(JOB_RULES[kind].start).toEqual([]);
      return;
    }
    if (mayOperateJob(ROLE_OF[who], kind, "start")) return; // allowed starts: the start actions in matrix.test.ts
    await expect(start(fx.actors[who])).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the start actions' and routes' rules give exactly the table's roles and scope", async () => {
    const starters = Object.values(RULES).filter((r) => r.startsJob === kind);
    const roles = new Set<Role>();
    for (const r of starters) if ("who" in r && r.who !== "public") for (const p of r.who) roles.add(ROLE_OF[p]);
    expect([...roles].sort()).toEqual([...JOB_RULES[kind].start].sort());
    const scopes = starters.flatMap((r) => ("api" in r ? [r.api] : []));
    expect(scopes).toEqual(JOB_RULES[kind].startScope ? [JOB_RULES[kind].startScope] : []);
  });

  it("a token starts it only with the table's scope", async () => {
    const token = (scopes: string[]): ApiCaller => ({ apiTokenId: "matrix", apiTokenName: "matrix", scopes });
    const scope = JOB_RULES[kind].startScope;
    if (kind === "PROVISION_APPLICATION") {
      await expect(requestProvisioning(token(["customers:read"]), "missing")).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(requestProvisioning(token([scope ?? ""]), "missing")).rejects.toMatchObject({ code: "not_found" });
    } else if (kind === "IMPORT_APPLICATION_KEYS") {
      await expect(startKeyImport(token(["customers:read"]), { rows: [] })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(startKeyImport(token([scope ?? ""]), { rows: [] })).rejects.toMatchObject({ code: "unprocessable" });
    } else expect(scope).toBeUndefined();
  });

  it("nobody cancels it by hand, and no entry point offers to", () => {
    expect(JOB_RULES[kind].cancel).toEqual([]);
  });
});

it("no page, route or action cancels a job (a cancel must be added to the table first)", async () => {
  const cancels = (await enumerateEntries()).filter((e) => /cancel/i.test(e.key)).map((e) => e.key);
  expect(cancels).toEqual([]);
});
