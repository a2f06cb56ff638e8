import "server-only";
// Integrations for the vendor API: ordered by (updatedAt, id) and paged by the API's one cursor
// (lib/pagination/cursor.ts) on that pair, so an incremental reader (updatedSince) never skips or repeats a row
// between pages. Served by the Integration(updatedAt) index.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { cursorParts, decodeCursor, encodeCursor, invalidCursor } from "@/lib/pagination/cursor";
import type { IntegrationBody } from "./schemas";

export type IntegrationQuery = {
  customerId?: string;
  foreignId?: string;
  integrationType?: string;
  tenantType?: string;
  onboardingStatus?: "REQUESTED" | "PARTNER_READY" | "ENABLED";
  updatedSince?: string;
  cursor?: string;
  limit: number;
};

/** The cursor after a row: its updatedAt in epoch milliseconds (the column's precision) and its id. */
export function integrationCursor(updatedAt: Date, id: string): string {
  return encodeCursor([updatedAt.getTime(), id]);
}

function positionOf(parts: string[]): { updatedAt: Date; id: string } | null {
  const [ms = "", id = ""] = parts;
  return /^\d{1,15}$/.test(ms) ? { updatedAt: new Date(Number(ms)), id } : null;
}

/**
 * Deprecated, until the next release: the cursors handed out before, base64url JSON `{u: ISO date, i: id}`, so a
 * read that spans the upgrade goes on. Remove with the `items` field (docs/ATS.md, "Lists").
 */
function legacyPosition(cursor: string): { updatedAt: Date; id: string } | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { u?: unknown; i?: unknown };
    const updatedAt = new Date(String(parsed.u));
    return typeof parsed.i === "string" && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id: parsed.i } : null;
  } catch (e) {
    if (e instanceof SyntaxError) return null; // not JSON: not an old cursor either
    throw e;
  }
}

function integrationPosition(cursor: string): { updatedAt: Date; id: string } {
  if (cursorParts(cursor, 2)) return decodeCursor(cursor, 2, positionOf);
  const legacy = legacyPosition(cursor);
  if (!legacy) throw invalidCursor();
  return legacy;
}

export async function listIntegrationsForApi(
  q: IntegrationQuery,
): Promise<{ data: IntegrationBody[]; nextCursor: string | null }> {
  let customerId = q.customerId;
  if (q.foreignId) {
    const c = await db.customer.findUnique({ where: { foreignId: q.foreignId }, select: { id: true } });
    if (!c || (customerId && customerId !== c.id)) throw new SafeError("not_found", "No such customer.");
    customerId = c.id;
  } else if (customerId) {
    const c = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!c) throw new SafeError("not_found", "No such customer.");
  }
  const and: Prisma.IntegrationWhereInput[] = [];
  if (customerId) and.push({ customerId });
  if (q.integrationType) and.push({ integrationType: q.integrationType });
  if (q.tenantType) and.push({ tenantType: q.tenantType });
  if (q.onboardingStatus) and.push({ onboardingStatus: q.onboardingStatus });
  if (q.updatedSince) and.push({ updatedAt: { gte: new Date(q.updatedSince) } });
  if (q.cursor) {
    const c = integrationPosition(q.cursor);
    and.push({ OR: [{ updatedAt: { gt: c.updatedAt } }, { updatedAt: c.updatedAt, id: { gt: c.id } }] });
  }
  const rows = await db.integration.findMany({
    where: { AND: and },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    select: {
      id: true,
      customerId: true,
      customer: { select: { foreignId: true } },
      integrationContext: true,
      integrationType: true,
      tenantType: true,
      name: true,
      onboardingStatus: true,
      statusChangedAt: true,
      statusSource: true,
      nameSyncState: true,
      configSyncState: true,
      updatedAt: true,
    },
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(({ customer, statusChangedAt, updatedAt, ...r }) => ({
      ...r,
      customerForeignId: customer.foreignId,
      statusChangedAt: statusChangedAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? integrationCursor(last.updatedAt, last.id) : null,
  };
}
