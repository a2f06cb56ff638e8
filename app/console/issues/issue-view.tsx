// What every section of the issues view shares (issue 21, point 1: each section streams on its own): the page's
// paging parameters, who is looking, and the cells and links its tables have in common.
import Link from "next/link";
import type { ReactNode } from "react";
import { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { Pagination } from "@/components/ui/pagination";
import type { Role } from "@/lib/auth/roles";
import { pageNumber, pagesBeyondFirst } from "@/lib/pagination/page-number";
import { triggerPollAction } from "../actions";

export const issueParamsSchema = z.object({
  jobsPage: pageNumber,
  keysPage: pageNumber,
  stuckPage: pageNumber,
  anomaliesPage: pageNumber,
  notificationsPage: pageNumber,
  unknownTypesPage: pageNumber,
  secretsPage: pageNumber,
  holdsPage: pageNumber,
  rollsPage: pageNumber,
  heldByTwoPage: pageNumber,
  recordsPage: pageNumber,
  resolvedRecordsPage: pageNumber,
});
export type IssueParams = z.infer<typeof issueParamsSchema>;

/**
 * `?customer=<id>`: the issue records of one customer (the customer page links here). A malformed id reads as no
 * filter: it is a link, not a form.
 */
export const issueCustomerSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional()
  .catch(undefined)
  .transform((id) => id ?? null);

/** What a section of the issues view is drawn for: the viewer's role, the page of each list, and the customer filter. */
export type IssueView = { role: Role; params: IssueParams; customerId: string | null };

export const td = "py-2 pr-4 align-top";

/** A list's previous/next links; the other lists keep their pages. */
export function issuePager(
  view: IssueView,
  param: keyof IssueParams,
  pg: { page: number; pageCount: number; total: number },
  label: string,
  anchor: string,
) {
  return (
    <Pagination
      basePath="/console/issues"
      query={{ ...pagesBeyondFirst(view.params), ...(view.customerId ? { customer: view.customerId } : {}) }}
      param={param}
      list={pg}
      label={label}
      anchor={anchor}
    />
  );
}

export function CustomerLink({ id, name }: { id: string | null; name: string | null }) {
  if (!id) return <span className="text-slate-500">No customer</span>;
  return (
    <Link href={`/console/customers/${id}`} className="text-blue-800 underline">
      {name ?? id}
    </Link>
  );
}

export function CustomerCell({ id, name }: { id: string | null; name: string | null }) {
  return (
    <td className={td}>
      <CustomerLink id={id} name={name} />
    </td>
  );
}

/** The last cell of a row whose item has more than one action. */
export function ActionsCell({ children }: { children: ReactNode }) {
  return (
    <td className="py-2 align-top">
      <div className="flex flex-wrap gap-2">{children}</div>
    </td>
  );
}

/** The customer's fallback poll (C28): what a stuck integration or a failed notification may be waiting for. */
export function PollCustomerForm({ customerId, customerName }: { customerId: string; customerName: string }) {
  return (
    <ActionForm
      action={triggerPollAction}
      fields={{ customerId }}
      label="Poll customer"
      labelDetail={`${customerName} (fallback poll)`}
    />
  );
}
