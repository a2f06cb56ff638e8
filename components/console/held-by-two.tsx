// The issues view's "held by two customers" section (issue 20): LinkedIn confirmed one integration for two
// customers' applications, so Onramp stored it for both. Support finds out who owns the LinkedIn page or
// contract and detaches the integration from the other customer.
import type { FormAction } from "@/lib/actions/state";
import type { TupleConflictIssue, TupleHolder } from "@/lib/support/tuple-conflicts";
import { ActionForm } from "@/components/ui/action-form";
import { type IssueListProps, IssueSection } from "@/components/console/issue-section";
import { STATUS_LABELS } from "@/lib/status/vocabulary";
import { Time } from "@/components/ui/time";

const td = "py-2 pr-4 align-top";

export function HeldByTwoSection({
  rows,
  customerLink,
  pager,
  detach,
}: IssueListProps<TupleConflictIssue, TupleHolder> & { detach: FormAction }) {
  return (
    <IssueSection
      id="held-by-two"
      title="Integrations held by two customers"
      description={
        <>
          LinkedIn confirmed the same integration for more than one customer&apos;s LinkedIn application, so Onramp
          stored it for each of them instead of giving it to whoever came first. Resolve: find out which company manages
          the LinkedIn page or contract, then detach the integration from the others and ask them to remove the
          authorization in LinkedIn (otherwise it comes back the next time they authorize it).
        </>
      }
      caption="Integrations held by two customers, most recent first"
      columns={["Integration", "Held by"]}
      minWidth="44rem"
      testId="held-by-two"
      emptyText="No integration is held by two customers."
      rows={rows}
      pager={pager}
      rowKey={(c) => `${c.integrationContext} ${c.integrationType} ${c.tenantType}`}
      rowHeader={(c) => (
        <>
          {c.integrationType} ({c.tenantType})
          <div className="font-mono text-xs break-all text-slate-500">{c.integrationContext}</div>
        </>
      )}
      cells={(c) => (
        <td className={td}>
          <ul className="space-y-3">
            {c.holders.map((h) => (
              <li key={h.integrationId} data-testid="held-by" className="flex flex-wrap items-start gap-3">
                <div className="text-sm">
                  {customerLink(h)}
                  <div className="text-xs text-slate-500">
                    {STATUS_LABELS[h.onboardingStatus]}, stored <Time value={h.createdAt} />
                  </div>
                </div>
                <ActionForm
                  action={detach}
                  fields={{ integrationId: h.integrationId }}
                  label="Detach"
                  labelDetail={`${c.integrationType} for ${c.integrationContext} from ${h.customerName}`}
                  confirm={`Remove it from ${h.customerName}`}
                />
              </li>
            ))}
          </ul>
        </td>
      )}
    />
  );
}
