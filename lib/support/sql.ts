import "server-only";
// SQL fragments and the count helper shared by the console's reads. Every list is filtered, counted and paged in Postgres
// (issue #6: fast with tens of thousands of integrations); the WHERE clauses below are written so the
// Integration indexes (customerId+status, integrationType+status, status+statusChangedAt) apply.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { IntegrationFilter } from "./filters";

export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

/** LIKE pattern for "contains", with the pattern characters in the input taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * An integration "has errors" when its name or configuration sync failed, or LinkedIn refuses its
 * customer's keys (C27): in each case a person has to act. Needs `i` (Integration) and `a`
 * (CustomerApplication, LEFT JOINed).
 */
export const INTEGRATION_HAS_ERRORS = sql`(i."nameSyncState" = 'FAILED' OR i."configSyncState" = 'FAILED' OR a."lastAuthError" IS NOT NULL)`;

/** Conditions on the customer (`c`) alone. Archived customers are not onboarding any more. */
export function customerConditions(filter: Pick<IntegrationFilter, "customer">): Sql[] {
  const parts: Sql[] = [sql`c."archivedAt" IS NULL`];
  if (filter.customer) {
    parts.push(
      sql`(c."displayName" ILIKE ${containsPattern(filter.customer)} OR c."foreignId" = ${filter.customer} OR c."id" = ${filter.customer})`,
    );
  }
  return parts;
}

/** Conditions on the integration (`i`, with `a` joined for the error state). */
export function integrationConditions(filter: IntegrationFilter): Sql[] {
  const parts: Sql[] = [];
  if (filter.type) parts.push(sql`i."integrationType" = ${filter.type}`);
  if (filter.status) parts.push(sql`i."onboardingStatus" = ${filter.status}::"OnboardingStatus"`);
  if (filter.errors === "with") parts.push(INTEGRATION_HAS_ERRORS);
  if (filter.errors === "without") parts.push(sql`NOT ${INTEGRATION_HAS_ERRORS}`);
  return parts;
}

export function whereAll(parts: Sql[]): Sql {
  return parts.length ? sql`WHERE ${join(parts, " AND ")}` : empty;
}

export function andAll(parts: Sql[]): Sql {
  return parts.length ? sql`AND ${join(parts, " AND ")}` : empty;
}

export function toNumber(v: bigint | number | null | undefined): number {
  return v === null || v === undefined ? 0 : Number(v);
}

/** The number a `SELECT count(*) AS n …` answers. */
export async function countRows(query: Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>(query);
  return toNumber(row?.n);
}
