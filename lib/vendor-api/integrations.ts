import "server-only";
// Integrations for the vendor API: ordered by (updatedAt, id) and paged by a cursor on that pair, so an
// incremental reader (updatedSince) never skips or repeats a row between pages. Served by the
// Integration(updatedAt) index.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
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

type Cursor = { u: string; i: string };

export function encodeCursor(updatedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ u: updatedAt.toISOString(), i: id } satisfies Cursor), "utf8").toString(
    "base64url",
  );
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    const updatedAt = new Date(String(parsed.u));
    if (typeof parsed.i !== "string" || Number.isNaN(updatedAt.getTime())) throw new Error("bad cursor");
    return { updatedAt, id: parsed.i };
  } catch {
    throw new SafeError("bad_request", "The cursor is not valid.", {
      cursor: ["Pass nextCursor from the previous page unchanged."],
    });
  }
}

export async function listIntegrationsForApi(
  q: IntegrationQuery,
): Promise<{ items: IntegrationBody[]; nextCursor: string | null }> {
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
    const c = decodeCursor(q.cursor);
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
    items: page.map(({ customer, statusChangedAt, updatedAt, ...r }) => ({
      ...r,
      customerForeignId: customer.foreignId,
      statusChangedAt: statusChangedAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}
