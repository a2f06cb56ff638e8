import "server-only";
// The onboarding flow across customers (issue 22 point 3), in SQL: per step how many customers reached it (an OK
// step at least once), how many stopped there (it is the furthest step they reached) and how many failed there
// without getting past it, and the median time from the previous step (each customer's first time at each).
// Archived customers are not onboarding any more and are left out. Served by FlowStep(step, outcome, customerId, at).
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
    WITH firsts AS (
      SELECT f."customerId", f."step", min(f."at") AS at,
             array_position(enum_range(NULL::"FlowStepKind"), f."step") AS pos
      FROM "FlowStep" f
      JOIN "Customer" c ON c."id" = f."customerId" AND c."archivedAt" IS NULL
      WHERE f."outcome" = 'OK' AND (${ids}::text[] IS NULL OR f."customerId" = ANY(${ids}::text[]))
      GROUP BY f."customerId", f."step"
    ),
    furthest AS (
      SELECT "customerId", max(pos) AS pos FROM firsts GROUP BY "customerId"
    ),
    failures AS (
      SELECT DISTINCT f."customerId", array_position(enum_range(NULL::"FlowStepKind"), f."step") AS pos
      FROM "FlowStep" f
      JOIN "Customer" c ON c."id" = f."customerId" AND c."archivedAt" IS NULL
      WHERE f."outcome" = 'FAILED' AND (${ids}::text[] IS NULL OR f."customerId" = ANY(${ids}::text[]))
    ),
    per_step AS (
      SELECT r.pos, count(*)::int AS reached,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.at - p.at))
               FILTER (WHERE p.at IS NOT NULL AND r.at >= p.at) AS median
      FROM firsts r
      LEFT JOIN firsts p ON p."customerId" = r."customerId" AND p.pos = r.pos - 1
      GROUP BY r.pos
    ),
    stopped AS (SELECT pos, count(*)::int AS n FROM furthest GROUP BY pos),
    failed AS (
      SELECT fl.pos, count(*)::int AS n
      FROM failures fl
      LEFT JOIN furthest fu ON fu."customerId" = fl."customerId"
      WHERE fl.pos = coalesce(fu.pos, 0) + 1
      GROUP BY fl.pos
    )
    SELECT (enum_range(NULL::"FlowStepKind"))[s.pos]::text AS step,
           coalesce(ps.reached, 0) AS reached, coalesce(st.n, 0) AS stopped, coalesce(fd.n, 0) AS failed,
           ps.median::float8 AS median
    FROM generate_series(1, array_length(enum_range(NULL::"FlowStepKind"), 1)) AS s(pos)
    LEFT JOIN per_step ps ON ps.pos = s.pos
    LEFT JOIN stopped st ON st.pos = s.pos
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
