// What the chaos run prints at its end, read from Onramp's database and the sandbox's memory (LinkedIn's
// side): each figure says what was checked, so a non-zero one points at the place to look.
import { cpus, loadavg } from "node:os";
import { callbackUrlFor } from "@/lib/linkedin/callback-url";
import { db } from "@/lib/db/client";
import type { SandboxHandle } from "@/sandbox/server";
import type { IntruderTally } from "./pushes";
import type { ChaosCustomer } from "./seed";

const ORDER = { REQUESTED: 0, PARTNER_READY: 1, ENABLED: 2 } as const;

export type Figures = {
  integrationsExpected: number;
  integrationsSynced: number;
  integrationsLost: number;
  pacedCalls: number;
  spacingViolations: number;
  pushesSent: number;
  pushesAnswered200: number;
  rowsStored: number;
  notificationsLost: number;
  lostDetail: { dropped: number; answeredWithoutRow: number; unprocessed: number; statusBehind: number };
  jobsNotTerminal: number;
  jobsFailed: number;
  duplicateApplications: number;
  forgedAccepted: number;
  /** Lines where an instance logged a rejection or exception nobody handled (the first few in unhandledSample). */
  unhandledErrors: number;
  unhandledSample: string[];
};

export async function collectFigures(input: {
  customers: ChaosCustomer[];
  sandbox: SandboxHandle;
  publicUrl: string;
  pushesSent: number;
  intruders: IntruderTally;
  unhandledLines: string[];
}): Promise<Figures> {
  const { customers, sandbox, publicUrl } = input;
  const state = sandbox.state;
  const byCustomer = new Map(customers.map((c) => [c.id, c]));
  const rows = await db.integration.findMany({
    where: { customerId: { in: customers.map((c) => c.id) } },
    select: {
      customerId: true,
      integrationContext: true,
      integrationType: true,
      tenantType: true,
      name: true,
      onboardingStatus: true,
      nameSyncState: true,
      configSyncState: true,
    },
  });
  let synced = 0;
  let statusBehind = 0;
  for (const r of rows) {
    const c = byCustomer.get(r.customerId);
    const atLinkedIn = c ? state.findIntegration(c.clientId, r) : null;
    if (!c || !atLinkedIn) continue;
    const callback = atLinkedIn.configurations.CALLBACK_URL;
    const callbackOk =
      r.integrationType !== "ONE_CLICK_EXPORT" ||
      (callback !== undefined && "string" in callback && callback.string === callbackUrlFor(publicUrl, c.callbackKey));
    if (
      r.nameSyncState === "SYNCED" &&
      r.configSyncState === "SYNCED" &&
      atLinkedIn.integrationName === r.name &&
      callbackOk
    )
      synced += 1;
    if (ORDER[r.onboardingStatus] < ORDER[atLinkedIn.onboardingStatus]) statusBehind += 1;
  }
  const expected = customers.length * 3;

  const notifications = await db.notification.findMany({
    select: { linkedinId: true, processingState: true },
  });
  const fromLinkedIn = notifications.filter((n) => state.requests.has(n.linkedinId));
  const forgedRows = notifications.length - fromLinkedIn.length;
  const unprocessed = fromLinkedIn.filter((n) => n.processingState !== "PROCESSED").length;
  const { pushesAnswered200, pushesDropped } = state.counters;
  const answeredWithoutRow = Math.max(0, pushesAnswered200 - fromLinkedIn.length);

  const jobs = await db.job.groupBy({ by: ["status"], _count: true });
  const count = (s: string[]) => jobs.filter((j) => s.includes(j.status)).reduce((a, j) => a + j._count, 0);

  const byForeignId = new Map<string, number>();
  for (const app of state.applications.values())
    if (app.kind === "customer" && app.uniqueForeignId)
      byForeignId.set(app.uniqueForeignId, (byForeignId.get(app.uniqueForeignId) ?? 0) + 1);
  const duplicates = [...byForeignId.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);

  return {
    integrationsExpected: expected,
    integrationsSynced: synced,
    integrationsLost: expected - synced,
    pacedCalls: state.counters.pacedCalls,
    spacingViolations: state.counters.pacedSpacingViolations,
    pushesSent: input.pushesSent,
    pushesAnswered200,
    rowsStored: fromLinkedIn.length,
    notificationsLost: pushesDropped + answeredWithoutRow + unprocessed + statusBehind,
    lostDetail: { dropped: pushesDropped, answeredWithoutRow, unprocessed, statusBehind },
    jobsNotTerminal: count(["QUEUED", "RUNNING", "RETRYING"]),
    jobsFailed: count(["FAILED"]),
    duplicateApplications: duplicates,
    forgedAccepted: input.intruders.forgedAccepted + forgedRows,
    unhandledErrors: input.unhandledLines.length,
    unhandledSample: input.unhandledLines.slice(0, 3),
  };
}

/** The figures that must be zero. */
export function mustBeZero(f: Figures): [string, number][] {
  return [
    ["integrations lost", f.integrationsLost],
    ["spacing violations", f.spacingViolations],
    ["notifications lost", f.notificationsLost],
    ["jobs not terminal", f.jobsNotTerminal],
    ["duplicate applications", f.duplicateApplications],
    ["forged pushes accepted", f.forgedAccepted],
    ["unhandled errors logged", f.unhandledErrors],
  ];
}

export function printFigures(
  f: Figures,
  intruders: IntruderTally,
  seconds: { run: number; total: number },
  laps: { phase: string; seconds: number; load: string }[],
  cpu: { instances: number; postgres: number; driver: number },
): void {
  const cpuTotal = cpu.instances + cpu.postgres + cpu.driver;
  const zero = (n: number) => (n === 0 ? `${n}` : `${n}  <-- must be 0`);
  const d = f.lostDetail;
  const lines = [
    `integrations synced        ${f.integrationsSynced} of ${f.integrationsExpected} (name and configurations at LinkedIn equal Onramp's)`,
    `integrations lost          ${zero(f.integrationsLost)}`,
    `spacing violations         ${zero(f.spacingViolations)} (sandbox, over ${f.pacedCalls} v2/atsIntegrations calls; C13, C30)`,
    `pushes sent by LinkedIn    ${f.pushesSent}`,
    `pushes answered 200        ${f.pushesAnswered200}`,
    `rows stored                ${f.rowsStored}${f.rowsStored > f.pushesAnswered200 ? ` (${f.rowsStored - f.pushesAnswered200} stored whose 200 never reached LinkedIn, which retried under a new id, C23: at least once)` : ""}`,
    `notifications lost         ${zero(f.notificationsLost)} (dropped after LinkedIn's last retry ${d.dropped}, answered 200 without a row ${d.answeredWithoutRow}, stored but not processed ${d.unprocessed}, statuses behind LinkedIn ${d.statusBehind})`,
    `jobs not terminal          ${zero(f.jobsNotTerminal)} (jobs FAILED, visible to support: ${f.jobsFailed})`,
    `duplicate applications     ${zero(f.duplicateApplications)}`,
    `forged pushes accepted     ${zero(f.forgedAccepted)} (forged ${intruders.forgedSent}, malformed ${intruders.malformedSent}, replayed ${intruders.replaysSent} of which ${intruders.replaysAnswered200} answered 200 and stored nothing new)`,
    `intruder answers           ${Object.entries(intruders.statuses)
      .sort()
      .map(([k, n]) => `${k}: ${n}`)
      .join(", ")}`,
    `unhandled errors logged    ${zero(f.unhandledErrors)} (unhandledRejection or uncaughtException in the instances' logs)${f.unhandledSample.map((l) => `\n      ${l}`).join("")}`,
    `wall time                  ${seconds.total.toFixed(0)} s in all, ${seconds.run.toFixed(0)} s after the build (load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} on ${cpus().length} cores)`,
    `CPU time after the build   ${cpuTotal.toFixed(0)} s: instances ${cpu.instances.toFixed(0)}, PostgreSQL ${cpu.postgres.toFixed(0)}, this process (driver, sandbox, balancer) ${cpu.driver.toFixed(0)}; the machine's load does not inflate it: on ${cpus().length} idle cores no less than ${(cpuTotal / cpus().length).toFixed(0)} s`,
    "phases                     (seconds, 1-minute load average at the phase's end)",
    ...laps.map((l) => `  ${l.seconds.toFixed(0).padStart(5)} s  load ${l.load.padStart(5)}  ${l.phase}`),
  ];
  console.log(`\n[chaos] figures\n${lines.map((l) => `  ${l}`).join("\n")}`);
}
