// Issue 20, point 3, on real PostgreSQL and the LinkedIn sandbox: a tuple the widget hands over is the
// customer's only once LinkedIn's ids look-up (C19b), asked with the customer's own token, answers it for
// that customer's application (the sandbox answers 404 in `errors` otherwise, sandbox/routes/lookups.ts).
// A database of its own: the intake queues sync jobs no other file's workers may take.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { type IntakeCustomer, type IntakeStack, startIntakeStack } from "./test-support/intake-stack";

// Modules that read the environment on first use are imported after it is set (beforeAll).
type Mods = {
  db: typeof import("@/lib/db/client");
  intake: typeof import("./intake");
  confirm: typeof import("./confirm");
  detach: typeof import("./detach");
  poll: typeof import("@/lib/onboarding-status/poll");
  issues: typeof import("@/lib/support/issues");
  conflicts: typeof import("@/lib/support/tuple-conflicts");
  linkedin: typeof import("@/lib/linkedin");
};
let m: Mods;
let stack: IntakeStack;

async function lookupCalls(clientId: string): Promise<{ status: number; fault: boolean }[]> {
  const res = await fetch(
    `${stack.sandbox.url}/_sandbox/calls?endpoint=lookup_ids&clientId=${encodeURIComponent(clientId)}`,
  );
  return ((await res.json()) as { calls: { status: number; fault: boolean }[] }).calls;
}

type TestCustomer = IntakeCustomer;
const makeCustomer = () => stack.customer(["RECRUITER_SYSTEM_CONNECT_COMPANY"]);
const sandboxPost = (path: string, body: unknown) => stack.sandboxPost(path, body);

/** A fresh organization id: organization ids are public, any admin can type one in. */
const freshOrg = () => ({
  integrationContext: `urn:li:organization:${randomBytes(6).toString("hex")}`,
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});
type Tuple = ReturnType<typeof freshOrg>;

/** LinkedIn records that the customer authorized the tuple in its plugin (the sandbox widget does this too). */
const authorizeAtLinkedIn = (c: TestCustomer, t: Tuple) =>
  sandboxPost("/_sandbox/integrations", { clientId: c.clientId, ...t });
const handOver = (c: TestCustomer, ...tuples: Tuple[]) =>
  m.intake.recordWidgetIntegrations(c.actor, { integrations: tuples });
const integrationsOf = (c: TestCustomer) => m.db.db.integration.findMany({ where: { customerId: c.customerId } });
const waitingOf = (c: TestCustomer) => m.db.db.unconfirmedTuple.findMany({ where: { customerId: c.customerId } });
const pollFor = (c: TestCustomer) => m.poll.runPoll({ customerId: c.customerId }, { progress: async () => {} });
const support: Actor = { userId: "support-1", email: "support@vendor.test", role: "SUPPORT", customerId: null };

async function anomaliesOf(c: TestCustomer) {
  return (await m.issues.openAnomalies(1, 1000)).rows.filter((a) => a.customerId === c.customerId);
}
async function conflictOver(t: Tuple) {
  return (await m.conflicts.tupleConflicts(1, 1000)).rows.find(
    (r) => r.integrationContext === t.integrationContext && r.integrationType === t.integrationType,
  );
}

beforeAll(async () => {
  stack = await startIntakeStack();
  m = {
    db: await import("@/lib/db/client"),
    intake: await import("./intake"),
    confirm: await import("./confirm"),
    detach: await import("./detach"),
    poll: await import("@/lib/onboarding-status/poll"),
    issues: await import("@/lib/support/issues"),
    conflicts: await import("@/lib/support/tuple-conflicts"),
    linkedin: await import("@/lib/linkedin"),
  };
});

afterEach(async () => {
  await stack.clearFaults();
});

afterAll(async () => {
  await stack?.close();
});

describe("LinkedIn confirms what the widget hands over (issue 20, C19b)", () => {
  it("an organization LinkedIn never authorized for the customer is refused, nothing is stored as theirs, support sees it; the real owner then gets it", async () => {
    const attacker = await makeCustomer();
    const owner = await makeCustomer();
    const borrowed = freshOrg();
    await authorizeAtLinkedIn(owner, borrowed); // the owner's authorization exists at LinkedIn, for the owner only

    await expect(handOver(attacker, borrowed)).rejects.toThrow(
      /Onramp did not store anything: integration 1: LinkedIn has no record of this authorization for your account \(ONE_CLICK_EXPORT for urn:li:organization:/,
    );
    expect(await integrationsOf(attacker)).toEqual([]);
    expect(await waitingOf(attacker)).toEqual([]);
    // Asked once, with the attacker's own application (C19b): LinkedIn answers it only about its own integrations.
    expect((await lookupCalls(attacker.clientId)).map((c) => c.status)).toEqual([200]);
    const [anomaly, ...more] = await anomaliesOf(attacker);
    expect(more).toEqual([]);
    expect(anomaly).toMatchObject({ kind: "UNCONFIRMED_AUTHORIZATION", customerName: attacker.name });
    expect(anomaly?.message).toContain(borrowed.integrationContext);
    expect(anomaly?.message).toContain(attacker.actor.email);
    const audit = await m.db.db.auditLog.findFirst({
      where: { customerId: attacker.customerId, action: "integration.authorization_unconfirmed" },
    });
    expect(audit?.actorId).toBe(attacker.actor.userId);

    // The first claim no longer wins anything: the owner's own authorization is stored.
    const result = await handOver(owner, borrowed);
    expect(result).toMatchObject({ created: 1, refused: [], waiting: 0 });
    expect((await integrationsOf(owner)).map((i) => i.integrationContext)).toEqual([borrowed.integrationContext]);
    expect(await conflictOver(borrowed)).toBeUndefined();
  });

  it("in one hand-over, the confirmed tuple is stored and the borrowed one refused alone, with what to do", async () => {
    const c = await makeCustomer();
    const mine = freshOrg();
    const borrowed = freshOrg();
    await authorizeAtLinkedIn(c, mine);
    const result = await handOver(c, mine, borrowed);
    expect(result).toMatchObject({ created: 1, waiting: 0, refused: [{ position: 2 }] });
    expect(result.message).toMatch(
      /^Stored 1 integration\. .* Not stored: integration 2: LinkedIn has no record of this authorization for your account .*authorize it again in the LinkedIn panel/,
    );
    expect((await integrationsOf(c)).map((i) => i.integrationContext)).toEqual([mine.integrationContext]);
    expect(await anomaliesOf(c)).toHaveLength(1);
  });

  it("a tuple LinkedIn confirms for two customers is stored for both and shown to support, who detaches it from one (audited)", async () => {
    const first = await makeCustomer();
    const second = await makeCustomer();
    const shared = freshOrg();
    await authorizeAtLinkedIn(first, shared);
    await authorizeAtLinkedIn(second, shared);
    expect(await handOver(first, shared)).toMatchObject({ created: 1 });
    expect(await handOver(second, shared)).toMatchObject({ created: 1 }); // not decided by arrival order

    const conflict = await conflictOver(shared);
    expect(conflict?.holders.map((h) => h.customerName)).toEqual([first.name, second.name]);
    const secondRow = conflict?.holders.find((h) => h.customerId === second.customerId);
    expect(secondRow?.onboardingStatus).toBe("REQUESTED");

    const { message } = await m.detach.detachHeldByTwo(support, secondRow?.integrationId ?? "");
    expect(message).toBe(
      `Detached ONE_CLICK_EXPORT for ${shared.integrationContext} from ${second.name}; ${first.name} keeps it.`,
    );
    expect(await integrationsOf(second)).toEqual([]);
    expect(await integrationsOf(first)).toHaveLength(1);
    expect(await conflictOver(shared)).toBeUndefined();
    const audit = await m.db.db.auditLog.findFirst({
      where: { action: "integration.detached", targetId: secondRow?.integrationId ?? "" },
    });
    expect(audit).toMatchObject({ actorId: support.userId, customerId: second.customerId });
    // Once only one customer holds it there is nothing to resolve: the last holder keeps it.
    const [kept] = await integrationsOf(first);
    await expect(m.detach.detachHeldByTwo(support, kept?.id ?? "")).rejects.toThrow(/only customer holding/);
  });

  it("a tuple LinkedIn could not be asked about waits, is never the customer's and never blocks the owner; the poll then refuses it", async () => {
    const claimant = await makeCustomer();
    const owner = await makeCustomer();
    const t = freshOrg();
    await authorizeAtLinkedIn(owner, t);
    await sandboxPost("/_sandbox/faults", { endpoint: "lookup_ids", status: 503, count: 1 });
    const waiting = await handOver(claimant, t);
    expect(waiting).toMatchObject({ created: 0, waiting: 1, refused: [] });
    expect(waiting.message).toMatch(/LinkedIn could not be asked to confirm 1 integration just now/);
    expect(await integrationsOf(claimant)).toEqual([]);
    expect(await waitingOf(claimant)).toHaveLength(1);
    // Asked once in the request (maxAttempts 1): the admin has an answer at once, the poll retries.
    expect((await lookupCalls(claimant.clientId)).map((c) => c.status)).toEqual([503]);

    expect(await handOver(owner, t)).toMatchObject({ created: 1, refused: [] });
    expect(await integrationsOf(owner)).toHaveLength(1);

    const summary = await pollFor(claimant);
    expect(summary.waitingTuples).toEqual({ confirmed: 0, refused: 1, stillWaiting: 0 });
    expect(m.poll.describePoll(summary)).toMatch(/0 confirmed, 1 refused, 0 still waiting/);
    expect(await waitingOf(claimant)).toEqual([]);
    expect(await integrationsOf(claimant)).toEqual([]);
    expect((await anomaliesOf(claimant)).map((a) => a.kind)).toEqual(["UNCONFIRMED_AUTHORIZATION"]);
  });

  it("a tuple that waited becomes the customer's integration once the poll hears LinkedIn confirm it", async () => {
    const c = await makeCustomer();
    const t = freshOrg();
    await authorizeAtLinkedIn(c, t);
    await sandboxPost("/_sandbox/faults", { endpoint: "lookup_ids", status: 429, count: 1 });
    expect(await handOver(c, t)).toMatchObject({ created: 0, waiting: 1 });
    expect(await integrationsOf(c)).toEqual([]);

    expect((await pollFor(c)).waitingTuples).toEqual({ confirmed: 1, refused: 0, stillWaiting: 0 });
    const [row, ...more] = await integrationsOf(c);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ integrationContext: t.integrationContext, onboardingStatus: "REQUESTED" });
    const history = await m.db.db.integrationStatusChange.findMany({ where: { integrationId: row?.id ?? "" } });
    expect(history.map((h) => [h.toStatus, h.source, h.actorId])).toEqual([["REQUESTED", "WIDGET", c.actor.userId]]);
    expect(await waitingOf(c)).toEqual([]);
    const jobs = await m.db.db.job.findMany({ where: { customerId: c.customerId } });
    expect(jobs.map((j) => j.kind).sort()).toEqual(["SYNC_CONFIGURATIONS", "SYNC_NAMES"]);
  });

  it("respects the application's daily hold (C26, L17): LinkedIn is not asked, the tuple waits", async () => {
    const c = await makeCustomer();
    const t = freshOrg();
    await authorizeAtLinkedIn(c, t);
    await m.linkedin.holdUntilMidnight(c.clientId, m.linkedin.ENDPOINTS.lookupByIds, "budget");
    expect(await handOver(c, t)).toMatchObject({ created: 0, waiting: 1 });
    expect(await lookupCalls(c.clientId)).toEqual([]);
    expect(await integrationsOf(c)).toEqual([]);
  });

  it("reads LinkedIn's answer per tuple: only an answer for the application confirms, only a temporary failure waits", () => {
    const tuple = m.linkedin.integrationTuple(freshOrg());
    const of = m.confirm.confirmationOf;
    expect(of({ tuple, ok: true, onboardingStatus: "REQUESTED" })).toBe("confirmed");
    expect(of({ tuple, ok: false, status: 404, error: "x" })).toBe("refused");
    expect(of({ tuple, ok: false, status: null, error: "no result" })).toBe("refused");
    expect(of({ tuple, ok: false, status: 400, error: "x", callFailed: true })).toBe("refused");
    expect(of({ tuple, ok: false, status: 500, error: "x" })).toBe("unanswered");
    expect(of({ tuple, ok: false, status: 429, error: "x", callFailed: true })).toBe("unanswered");
    expect(of({ tuple, ok: false, status: null, error: "x", callFailed: true })).toBe("unanswered");
    expect(of({ tuple, ok: false, status: 401, error: "x", callFailed: true })).toBe("unanswered");
  });
});
