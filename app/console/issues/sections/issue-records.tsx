// Issue 22 point 1: the issue records, with a memory: when each was first and last seen, how often it came back, who
// changed it, and what to tell the customer. Open and snoozed ones first; resolved ones may be reopened.
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/actions/state";
import { CopyField } from "@/components/ui/copy-field";
import { IssueSection } from "@/components/console/issue-section";
import { IssueSnoozeForm } from "@/components/console/issue-snooze-form";
import { Time } from "@/components/ui/time";
import { emailTranslator } from "@/lib/email/templates/frame";
import { remediationSteps } from "@/lib/email/templates/issue-remediation";
import { type IssueRecord, openIssueRecords, resolvedIssueRecords } from "@/lib/issues/queries";
import { CUSTOMER_FIXABLE, ISSUE_TYPE_LABELS } from "@/lib/issues/types";
import { emailIssueAction, reopenIssueAction, resolveIssueAction, snoozeIssueAction } from "../actions";
import { ActionsCell, CustomerLink, type IssueView, issuePager, td } from "../issue-view";

/** Where staff fix each type. */
function fixLink(r: IssueRecord): { href: string; label: string } {
  if (r.type === "WEBHOOK_FAILING") return { href: "/console/webhooks", label: "Webhook endpoints" };
  if (r.type === "NOTIFICATION_FAILED")
    return { href: "/console/issues#failed-notifications", label: "Failed notifications" };
  // The customer page holds the keys form, the integrations and the poll: each customer type's fix.
  const keys = r.type === "KEYS_REFUSED" || r.type === "SECRET_DUE";
  return { href: `/console/customers/${r.customerId}`, label: keys ? "Replace the keys" : "Customer page" };
}

type Steps = (r: IssueRecord) => string;

function IssueAction({ action, id, label, about }: { action: FormAction; id: string; label: string; about: string }) {
  return <ActionForm action={action} fields={{ issueId: id }} label={label} labelDetail={about} />;
}

/** The steps of each type, written once per type and request: a page of rows holds a handful of types. */
async function englishSteps(): Promise<Steps> {
  const t = await emailTranslator("en");
  const written = new Map<IssueRecord["type"], string>();
  return (r) => {
    const known = written.get(r.type);
    if (known !== undefined) return known;
    const { title, steps } = remediationSteps({ issueType: r.type }, { t });
    const text = `${title}: ${steps.map((s, i) => `${i + 1}. ${s}`).join(" ")}`;
    written.set(r.type, text);
    return text;
  };
}

function issueTable(
  view: IssueView,
  page: Awaited<ReturnType<typeof openIssueRecords>>,
  steps: Steps,
  which: {
    id: string;
    title: string;
    param: "recordsPage" | "resolvedRecordsPage";
    empty: string;
    description: string;
  },
) {
  return (
    <IssueSection
      id={which.id}
      title={which.title}
      description={which.description}
      caption={`${which.title}, last seen first`}
      columns={["Issue", "Customer", "First seen", "Last seen", "Occurrences", "State", "Actions"]}
      minWidth="48rem"
      testId={which.id}
      emptyText={which.empty}
      rows={page.rows}
      pager={issuePager(view, which.param, page, which.title, which.id)}
      rowKey={(r) => r.id}
      rowHeader={(r) => (
        <>
          {ISSUE_TYPE_LABELS[r.type]}
          {r.integrationName ? <div className="text-xs text-slate-600">{r.integrationName}</div> : null}
          <div className="text-xs text-slate-600">{r.detail}</div>
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer text-blue-800">What to tell the customer</summary>
            <CopyField label={`Steps for the customer: ${ISSUE_TYPE_LABELS[r.type]}`} value={steps(r)} />
          </details>
        </>
      )}
      cells={(r) => {
        const about = `${ISSUE_TYPE_LABELS[r.type]}${r.customerName ? ` of ${r.customerName}` : ""}`;
        const fix = fixLink(r);
        return (
          <>
            <td className={td}>
              {r.customerId ? <CustomerLink id={r.customerId} name={r.customerName} /> : "Vendor (webhook endpoint)"}
            </td>
            <td className={td}>
              <Time value={r.firstSeenAt} />
            </td>
            <td className={td}>
              <Time value={r.lastSeenAt} />
            </td>
            <td className={`${td} tabular-nums`}>{r.occurrences}</td>
            <td className={td}>
              {r.state === "SNOOZED" && r.snoozedUntil ? (
                <>
                  Snoozed until <Time value={r.snoozedUntil} />
                </>
              ) : r.state === "RESOLVED" ? (
                "Resolved"
              ) : (
                "Open"
              )}
              <div className="text-xs text-slate-500">by {r.changedBy}</div>
            </td>
            <ActionsCell>
              <Link href={fix.href} className="text-blue-800 underline">
                {fix.label}
              </Link>
              {r.state !== "RESOLVED" ? (
                <>
                  <IssueAction action={resolveIssueAction} id={r.id} label="Resolve" about={about} />
                  <IssueSnoozeForm action={snoozeIssueAction} issueId={r.id} about={about} />
                </>
              ) : null}
              {r.state !== "OPEN" ? (
                <IssueAction action={reopenIssueAction} id={r.id} label="Reopen" about={about} />
              ) : null}
              {r.customerId && CUSTOMER_FIXABLE.has(r.type) ? (
                <IssueAction action={emailIssueAction} id={r.id} label="Email the customer's admins" about={about} />
              ) : null}
            </ActionsCell>
          </>
        );
      }}
    />
  );
}

type RecordList = Parameters<typeof issueTable>[3] & { read: typeof openIssueRecords };

const OPEN: RecordList = {
  id: "records",
  title: "Open issues",
  param: "recordsPage",
  empty: "No open issues.",
  description:
    "Each problem as a record: first and last seen, how often it came back. It resolves itself when its cause clears.",
  read: openIssueRecords,
};

const RESOLVED: RecordList = {
  id: "resolved-records",
  title: "Resolved issues",
  param: "resolvedRecordsPage",
  empty: "No resolved issues.",
  description: "Resolved by hand or because the cause cleared; each reopens if its cause is seen again.",
  read: resolvedIssueRecords,
};

async function recordSection(view: IssueView, list: RecordList) {
  const [page, steps] = await Promise.all([list.read(view.params[list.param], view.customerId), englishSteps()]);
  return issueTable(view, page, steps, list);
}

export const OpenIssueRecordsSection = ({ view }: { view: IssueView }) => recordSection(view, OPEN);

export const ResolvedIssueRecordsSection = ({ view }: { view: IssueView }) => recordSection(view, RESOLVED);
