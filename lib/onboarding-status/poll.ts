import "server-only";
// The fallback poll (C28, C19b): every integration still REQUESTED or PARTNER_READY is asked about,
// per customer application, in batches of at most 100 (the client paces them, C13, C30), within the
// application's daily budget, and what changed is applied with source POLL. One poll of a scope (all
// customers, or one) at a time across all processes (poll-lock.ts). It also queues notifications whose processing was never queued,
// and asks LinkedIn again about widget tuples it could not confirm when they were handed over (issue 20).
import { db } from "@/lib/db/client";
import { confirmWaitingTuples, type WaitingSummary } from "@/lib/integrations/confirm-waiting";
import type { JobContext } from "@/lib/jobs/types";
import {
  ENDPOINTS,
  MAX_RECORDS_PER_CALL,
  dailyBudget,
  integrationTuple,
  lookupStatusByTuples,
  tupleId,
} from "@/lib/linkedin";
import { logger } from "@/lib/log/logger";
import { applyOnboardingStatus } from "./apply";
import { tryPollLock } from "./poll-lock";

export const POLLED_STATUSES = ["REQUESTED", "PARTNER_READY"] as const;

export interface PollSkip {
  customerId: string;
  reason: string;
}

export interface PollSummary {
  /** Another poll held the lock; this one did nothing. */
  alreadyRunning: boolean;
  applications: number;
  checked: number;
  changed: number;
  failed: number;
  /** Integrations left for the next poll because of the daily budget. */
  deferred: number;
  skips: PollSkip[];
  sweptNotifications: number;
  /** Widget tuples that waited for LinkedIn's confirmation (C19b): confirmed, refused, still waiting. */
  waitingTuples: WaitingSummary;
}

export type PollContext = Pick<JobContext, "progress"> & {
  /**
   * Queues processing for notifications left pending (lib/notifications' sweep, bound to the POLL_STATUS job by
   * server/composition.ts: lib/notifications applies statuses through this folder, so it can not be imported here).
   */
  sweepNotifications?: (now: Date) => Promise<number>;
};

export async function runPoll(
  scope: { customerId?: string | null },
  ctx: PollContext,
  now: () => Date = () => new Date(),
): Promise<PollSummary> {
  const summary: PollSummary = {
    alreadyRunning: false,
    applications: 0,
    checked: 0,
    changed: 0,
    failed: 0,
    deferred: 0,
    skips: [],
    sweptNotifications: 0,
    waitingTuples: { confirmed: 0, refused: 0, stillWaiting: 0 },
  };
  const lock = await tryPollLock({ customerId: scope.customerId ?? null });
  if (!lock) return { ...summary, alreadyRunning: true };
  try {
    if (ctx.sweepNotifications) summary.sweptNotifications = await ctx.sweepNotifications(now());
    const pending = await db.integration.findMany({
      where: {
        onboardingStatus: { in: [...POLLED_STATUSES] },
        customer: {
          archivedAt: null,
          application: { isNot: null },
          ...(scope.customerId ? { id: scope.customerId } : {}),
        },
        ...(scope.customerId ? { customerId: scope.customerId } : {}),
      },
      select: {
        id: true,
        customerId: true,
        integrationContext: true,
        integrationType: true,
        tenantType: true,
        customer: { select: { application: { select: { id: true, clientId: true } } } },
      },
      orderBy: [{ lastCheckedAt: { sort: "asc", nulls: "first" } }, { statusChangedAt: "asc" }],
    });
    const byApplication = new Map<
      string,
      { app: { id: string; clientId: string }; customerId: string; items: typeof pending }
    >();
    for (const i of pending) {
      const app = i.customer.application;
      if (!app) continue;
      const group = byApplication.get(app.id) ?? { app, customerId: i.customerId, items: [] };
      group.items.push(i);
      byApplication.set(app.id, group);
    }
    const total = pending.length;
    await ctx.progress({ total, succeeded: 0, failed: 0 });

    for (const { app, customerId, items } of byApplication.values()) {
      summary.applications += 1;
      const budget = await dailyBudget(app.clientId, ENDPOINTS.lookupByIds, now());
      if (budget.exhausted) {
        summary.deferred += items.length;
        summary.skips.push({
          customerId,
          reason: `skipped ${items.length} integration(s): the application has used ${budget.used} of its ${budget.budget} status lookups today (resets at midnight UTC)`,
        });
        continue;
      }
      const capacity = budget.remaining * MAX_RECORDS_PER_CALL;
      const asked = items.slice(0, capacity);
      if (asked.length < items.length) {
        summary.deferred += items.length - asked.length;
        summary.skips.push({
          customerId,
          reason: `stopped after ${asked.length} of ${items.length} integration(s): ${budget.remaining} status lookup(s) left in today's budget`,
        });
      }
      const results = await lookupStatusByTuples(
        app,
        asked.map((i) => integrationTuple(i)),
      );
      const errors = new Set<string>();
      for (const i of asked) {
        const r = results.get(tupleId(integrationTuple(i)));
        summary.checked += 1;
        if (!r?.ok) {
          summary.failed += 1;
          errors.add(r ? r.error : "no answer for this integration");
          continue;
        }
        const applied = await applyOnboardingStatus({
          integrationId: i.id,
          status: r.onboardingStatus,
          source: "POLL",
          at: now(),
        });
        if (applied.outcome === "changed") summary.changed += 1;
      }
      if (errors.size > 0)
        summary.skips.push({
          customerId,
          reason: `LinkedIn did not answer for some integrations: ${[...errors].slice(0, 3).join("; ")}`,
        });
      await ctx.progress({
        total,
        succeeded: summary.checked - summary.failed,
        failed: summary.failed + summary.deferred,
      });
    }
    // After the integrations above, so the tuples confirmed now are not asked about twice in one poll.
    summary.waitingTuples = await confirmWaitingTuples({ customerId: scope.customerId ?? null });
    logger().info({ ...summary, skips: summary.skips.length }, "fallback poll finished");
    return summary;
  } finally {
    await lock.release();
  }
}

/** One line for the job row: what the poll did and what it left, for support. */
export function describePoll(s: PollSummary): string {
  if (s.alreadyRunning) return "Another poll was running; it covers these integrations, so this one did nothing.";
  const parts = [
    `Checked ${s.checked} integration(s) of ${s.applications} application(s); ${s.changed} changed; ${s.failed} failed.`,
  ];
  if (s.deferred > 0) parts.push(`${s.deferred} left for the next poll (daily budget).`);
  if (s.sweptNotifications > 0) parts.push(`Queued ${s.sweptNotifications} notification(s) left pending.`);
  const w = s.waitingTuples;
  if (w.confirmed + w.refused + w.stillWaiting > 0)
    parts.push(
      `Authorizations waiting for LinkedIn's confirmation: ${w.confirmed} confirmed, ${w.refused} refused, ${w.stillWaiting} still waiting.`,
    );
  for (const skip of s.skips.slice(0, 5)) parts.push(`Customer ${skip.customerId}: ${skip.reason}.`);
  return parts.join(" ");
}
