import "server-only";
// Job handlers of lib/onboarding-status: the fallback poll and re-checks (listed in server/composition.ts).
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob, type JobHandler } from "@/lib/jobs/types";
import { SafeError } from "@/lib/errors/safe-error";
import { describePoll, type PollContext, runPoll } from "./poll";
import { runRecheck } from "./recheck";
import { enqueuePoll, queueRecheck } from "./requests";

/** The poll's job; the process's composition root (server/composition.ts) gives it the notifications' sweep. */
export const definePollStatusJob = (bound: Pick<PollContext, "sweepNotifications"> = {}) =>
  defineJob({
    kind: "POLL_STATUS",
    payload: z.object({ customerId: z.string().min(1).optional() }),
    async run(payload, ctx) {
      const summary = await runPoll({ customerId: payload.customerId }, { ...ctx, ...bound });
      // The job row is what support reads (C28): a succeeded poll keeps what it skipped and why in
      // lastError, which the tracker clears at the start of every attempt and leaves alone on success.
      await db.job.update({ where: { id: ctx.trackedJobId }, data: { lastError: describePoll(summary) } });
    },
    restart: (payload, { actor, tx }) => enqueuePoll({ customerId: payload.customerId }, actor.userId, tx),
  });

export const recheckStatusJob = defineJob({
  kind: "RECHECK_STATUS",
  payload: z.object({ integrationId: z.string().min(1), actorId: z.string().optional() }),
  async run(payload, ctx) {
    await ctx.progress({ total: 1 });
    const result = await runRecheck(payload.integrationId, payload.actorId ?? null);
    await ctx.progress({ total: 1, succeeded: 1, failed: 0 });
    await db.job.update({
      where: { id: ctx.trackedJobId },
      data: {
        lastError:
          result.outcome === "changed"
            ? `Status changed from ${result.from} to ${result.to}.`
            : `Status unchanged (LinkedIn says ${result.to}).`,
      },
    });
  },
  async restart(payload, { actor, tx, customerId }) {
    if (!customerId) throw new SafeError("conflict", "This integration's customer is gone: there is nothing to check.");
    return { trackedJobId: await queueRecheck({ id: payload.integrationId, customerId }, actor, tx) };
  },
});

/** This folder's handlers apart from the poll's (definePollStatusJob), which the composition root binds. */
export const onboardingStatusJobHandlers: JobHandler[] = [recheckStatusJob];
