// What a job handler sees. Every job is tracked in the Job table (C28): kind, status, attempts, counts.
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { JobKind } from "@/lib/db/enums";
import type { Job, Prisma } from "@/lib/db/generated/client";
import { SafeError } from "@/lib/errors/safe-error";

/** The tracker fields (C28) every view of a job shows: the customer page, the integrations page. */
export type JobTrackerFields = Pick<
  Job,
  "id" | "kind" | "status" | "attempts" | "maxAttempts" | "totalCount" | "succeededCount" | "failedCount" | "lastError"
>;

export type JobProgress = { total?: number; succeeded?: number; failed?: number };

export type JobContext = {
  trackedJobId: string;
  kind: JobKind;
  customerId: string | null;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  isLastAttempt: boolean;
  /** Records counts on the tracker row so people see "40 of 250 names synced". */
  progress(p: JobProgress): Promise<void>;
};

/** A person's retry (server/retry.ts): who asks, inside the transaction that also records the retry. */
export type RestartContext = { actor: Actor; tx: Prisma.TransactionClient; customerId: string | null };
export type Restarted = { trackedJobId: string; message?: string };

/** A kind's handler as its domain writes it: the payload's schema and a `run` typed by it. */
export type JobDefinition<K extends JobKind, S extends z.ZodType> = {
  kind: K;
  payload: S;
  /**
   * Does the work. Throw to fail this attempt (the job engine retries with backoff until the last
   * attempt, then the tracker says FAILED with the error's message). Must be safe to run again after a
   * crash: each handler resumes from what the database says is still to do.
   */
  run(payload: z.infer<S>, ctx: JobContext): Promise<void>;
  /**
   * Starts the same work again for a person's retry, through the kind's OWN start: the same locks and "already
   * under way" checks as the first start (issue 20), never a bare re-enqueue of the stored payload.
   */
  restart(payload: z.infer<S>, ctx: RestartContext): Promise<Restarted>;
};

/**
 * What the registry holds and the worker runs, whatever the kind's payload (issue #13: no casts): the
 * stored payload is parsed by the kind's own schema inside `execute`, where its type is known.
 */
export type JobHandler<K extends JobKind = JobKind> = {
  kind: K;
  execute(storedPayload: unknown, ctx: JobContext): Promise<void>;
  restartFrom(storedPayload: unknown, ctx: RestartContext): Promise<Restarted>;
};

export function defineJob<K extends JobKind, S extends z.ZodType>(
  definition: JobDefinition<K, S>,
): JobDefinition<K, S> & JobHandler<K> {
  return {
    ...definition,
    execute: (stored, ctx) => definition.run(definition.payload.parse(stored), ctx),
    restartFrom: (stored, ctx) => {
      const payload = definition.payload.safeParse(stored);
      if (!payload.success)
        throw new SafeError(
          "conflict",
          "This job's request can no longer be read, so it can not be retried: start the work again where it began.",
        );
      return definition.restart(payload.data, ctx);
    },
  };
}
