import "server-only";
// The onboarding flow across customers (issue 22 point 3), in SQL: per step how many customers reached it (an OK
// step at least once), how many stopped there (it is the furthest step they reached) and how many failed there
// without getting past it, and the median time from the previous step (each customer's first time at each).
// Archived customers are not onboarding any more and are left out. One pass over the steps: each customer's first OK
// time per step, then a window over the customer's steps gives the step before and the furthest one.
import type { FlowStepKind } from "@/lib/db/enums";
import { db } from "@/lib/db/client";
import { FLOW_STEPS } from "./steps";

export type FlowFunnelStep = {
  step: FlowStepKind;
  reached: number;
  /** Customers whose furthest step is this one (for the last step: done). */
  stoppedHere: number;
  /** Customers whose last record at the step after their furthest is a failure here. */
  failedHere: number;
  /** Median seconds from the previous step to this one, over customers that reached both; null when none did. */
  medianSecondsFromPrevious: number | null;
};

type Row = { step: FlowStepKind; reached: number; stopped: number; failed: number; median: number | null };

/** The funnel of every customer, or of the listed ones (a cohort). */
export async function flowFunnel(scope: { customerIds?: readonly string[] } = {}): Promise<FlowFunnelStep[]> {
  const ids = scope.customerIds ? [...scope.customerIds] : null;
  const rows = await db.$queryRaw<Row[]>`
    WITH steps AS (
      SELECT u.step, u.pos::int AS pos
      FROM unnest(enum_range(NULL::"FlowStepKind")) WITH ORDINALITY AS u(step, pos)
    ),
    live AS (
      SELECT f."customerId", s.pos, f."outcome", f."at"
      FROM "FlowStep" f
      JOIN steps s ON s.step = f."step"
      JOIN "Customer" c ON c."id" = f."customerId" AND c."archivedAt" IS NULL
      WHERE (${ids}::text[] IS NULL OR f."customerId" = ANY(${ids}::text[]))
    ),
    firsts AS (
      SELECT "customerId", pos, min(at) AS at FROM live WHERE "outcome" = 'OK' GROUP BY "customerId", pos
    ),
    paired AS (
      SELECT "customerId", pos, at,
             lag(pos) OVER w AS prev_pos, lag(at) OVER w AS prev_at,
             max(pos) OVER (PARTITION BY "customerId") AS furthest
      FROM firsts WINDOW w AS (PARTITION BY "customerId" ORDER BY pos)
    ),
    per_step AS (
      SELECT pos, count(*)::int AS reached,
             count(*) FILTER (WHERE pos = furthest)::int AS stopped,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - prev_at))
               FILTER (WHERE prev_pos = pos - 1 AND at >= prev_at) AS median
      FROM paired GROUP BY pos
    ),
    furthest AS (SELECT DISTINCT "customerId", furthest AS pos FROM paired),
    failed AS (
      SELECT l.pos, count(DISTINCT l."customerId")::int AS n
      FROM live l LEFT JOIN furthest fu ON fu."customerId" = l."customerId"
      WHERE l."outcome" = 'FAILED' AND l.pos = coalesce(fu.pos, 0) + 1
      GROUP BY l.pos
    )
    SELECT s.step::text AS step, coalesce(ps.reached, 0) AS reached, coalesce(ps.stopped, 0) AS stopped,
           coalesce(fd.n, 0) AS failed, ps.median::float8 AS median
    FROM steps s
    LEFT JOIN per_step ps ON ps.pos = s.pos
    LEFT JOIN failed fd ON fd.pos = s.pos
    ORDER BY s.pos`;
  const byStep = new Map(rows.map((r) => [r.step, r]));
  return FLOW_STEPS.map((step, i) => {
    const r = byStep.get(step);
    return {
      step,
      reached: r?.reached ?? 0,
      stoppedHere: r?.stopped ?? 0,
      failedHere: r?.failed ?? 0,
      medianSecondsFromPrevious: i === 0 ? null : (r?.median ?? null),
    };
  });
}
