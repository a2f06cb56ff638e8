// A secret rotation in flight (issue 20 item 7: lib/support/secret-rolls.ts): the customer page's note and the issues
// view's section. Above all the rotation whose answer Onramp never stored: LinkedIn may hold a secret Onramp does not.
import { type IssueListProps, IssueSection } from "@/components/console/issue-section";
import { Time } from "@/components/ui/time";
import type { SecretRollIssue, SecretRollState } from "@/lib/support/secret-rolls";

const td = "py-2 pr-4 align-top";

/** What happened and, when a person must act, what to do. */
export function SecretRollNote({ state }: { state: SecretRollState }) {
  const needsPerson = state.steps !== null;
  return (
    <div data-testid="secret-roll-state" data-kind={state.kind} className={needsPerson ? "text-red-800" : undefined}>
      <p>{state.summary}</p>
      {state.steps ? <p className="mt-1 text-slate-800">What to do: {state.steps}</p> : null}
    </div>
  );
}

export function SecretRollsSection({ rows, customerLink, pager }: IssueListProps<SecretRollIssue>) {
  return (
    <IssueSection
      id="secret-rolls"
      title="Secret rotations that did not finish"
      description={
        <>
          Onramp records a rotation before it asks LinkedIn for a new secret and stores LinkedIn&apos;s answer before
          anything else. These rotations have not finished after ten minutes. Where Onramp has no record of
          LinkedIn&apos;s answer, LinkedIn may hold a secret Onramp does not have: follow the steps.
        </>
      }
      caption="Secret rotations that did not finish, oldest first"
      columns={["Customer", "API key", "Started", "What happened"]}
      minWidth="44rem"
      testId="secret-rolls"
      emptyText="Every secret rotation finished."
      rows={rows}
      pager={pager}
      rowKey={(r) => r.customerId}
      rowHeader={customerLink}
      cells={(r) => (
        <>
          <td className={`${td} font-mono text-xs`}>{r.clientId}</td>
          <td className={`${td} text-xs`}>
            <Time value={r.state.startedAt} />
          </td>
          <td className={`${td} text-xs`}>
            <SecretRollNote state={r.state} />
          </td>
        </>
      )}
    />
  );
}
