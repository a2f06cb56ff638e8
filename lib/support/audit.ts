import "server-only";
import { db } from "@/lib/db/client";
// The audit log page and the customer page's audit section (issue #6): newest first, filterable,
// paged in SQL (served by the createdAt, customerId+createdAt, actorId+createdAt and action+createdAt indexes).
import type { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_PAGE_SIZE, mapRows, type Page, pagedRows, orderedPage } from "@/lib/pagination/page";
import type { AuditParams } from "./filters";

import { sql } from "./sql";

export type AuditRow = {
  id: string;
  createdAt: Date;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  customerId: string | null;
  customerName: string | null;
  details: Prisma.JsonValue;
};

export type AuditFilter = Partial<Omit<AuditParams, "page">> & { customerId?: string };

function auditWhere(f: AuditFilter): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (f.customerId) and.push({ customerId: f.customerId });
  if (f.customer) {
    and.push({
      customer: {
        OR: [
          { displayName: { contains: f.customer, mode: "insensitive" } },
          { foreignId: f.customer },
          { id: f.customer },
        ],
      },
    });
  }
  if (f.actor) and.push({ actorLabel: { contains: f.actor, mode: "insensitive" } });
  // "job" matches job.retried; "job.retried" matches exactly that action.
  if (f.action) and.push({ action: { startsWith: f.action } });
  if (f.from) and.push({ createdAt: { gte: new Date(`${f.from}T00:00:00.000Z`) } });
  if (f.to)
    and.push({ createdAt: { lt: new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000) } });
  return and.length ? { AND: and } : {};
}

export async function listAudit(
  filter: AuditFilter,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<AuditRow>> {
  const where = auditWhere(filter);
  const found = await pagedRows(page, pageSize, (window) => [
    db.auditLog.findMany({
      where,
      ...orderedPage({ createdAt: "desc" }, "desc", window),
      select: {
        id: true,
        createdAt: true,
        actorLabel: true,
        action: true,
        targetType: true,
        targetId: true,
        customerId: true,
        details: true,
        customer: { select: { displayName: true } },
      },
    }),
    db.auditLog.count({ where }),
  ]);
  return mapRows(found, ({ customer, ...r }) => ({ ...r, customerName: customer?.displayName ?? null }));
}

/** Distinct actions recorded so far, for the filter's suggestions. */
export async function knownAuditActions(): Promise<string[]> {
  // DISTINCT in SQL (Prisma's `distinct` would read every row into memory).
  const rows = await db.$queryRaw<{ action: string }[]>(
    sql`SELECT DISTINCT "action" FROM "AuditLog" ORDER BY 1 LIMIT 200`,
  );
  return rows.map((r) => r.action);
}
