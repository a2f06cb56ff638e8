import "server-only";
// Support's reads of the onboarding flow (issue 22 point 3): one customer's steps, newest first, and the funnel
// across customers (funnel.ts).
import { db } from "@/lib/db/client";
import { type Page, pagedRows, orderedPage, SECTION_PAGE_SIZE } from "@/lib/pagination/page";
import type { RecordedFlowStep } from "./record";

export type CustomerFlowStep = RecordedFlowStep & { personEmail: string | null };

export async function customerFlowSteps(
  customerId: string,
  page: number,
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<CustomerFlowStep>> {
  const found = await pagedRows(page, pageSize, (window) => [
    db.flowStep.findMany({ where: { customerId }, ...orderedPage({ at: "desc" }, "desc", window) }),
    db.flowStep.count({ where: { customerId } }),
  ]);
  const personIds = [...new Set(found.rows.map((r) => r.personId).filter((p): p is string => p !== null))];
  const people = personIds.length
    ? await db.user.findMany({ where: { id: { in: personIds } }, select: { id: true, email: true } })
    : [];
  const emails = new Map(people.map((p) => [p.id, p.email]));
  return {
    ...found,
    rows: found.rows.map((r) => ({ ...r, personEmail: r.personId ? (emails.get(r.personId) ?? null) : null })),
  };
}
