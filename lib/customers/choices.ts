import "server-only";
// Customers to pick from in a form (the invite form's customer list): active ones by name, capped, plus
// the one asked for, so the page never loads the whole table.
import { db } from "@/lib/db/client";

export const CUSTOMER_CHOICES_LIMIT = 500;

export async function customerChoices(
  include?: string,
): Promise<{ items: { id: string; displayName: string }[]; truncated: boolean }> {
  const rows = await db.customer.findMany({
    where: { archivedAt: null },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: CUSTOMER_CHOICES_LIMIT + 1,
    select: { id: true, displayName: true },
  });
  const items = rows.slice(0, CUSTOMER_CHOICES_LIMIT);
  if (include && !items.some((c) => c.id === include)) {
    const extra = await db.customer.findUnique({ where: { id: include }, select: { id: true, displayName: true } });
    if (extra) items.unshift(extra);
  }
  return { items, truncated: rows.length > CUSTOMER_CHOICES_LIMIT };
}
