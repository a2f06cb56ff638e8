// The customer admin's onboarding flow for support (issue 22 point 3): one customer's steps, newest first, and the
// funnel across customers on the overview. Words come from lib/onboarding-flow/steps.ts.
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FlowFunnelStep } from "@/lib/onboarding-flow/funnel";
import type { CustomerFlowStep } from "@/lib/onboarding-flow/queries";
import { FLOW_REASON_LABEL, FLOW_STEP_LABEL } from "@/lib/onboarding-flow/steps";

const td = "py-2 pr-4 align-top";

export function FlowStepTable({ rows }: { rows: CustomerFlowStep[] }) {
  return (
    <Table
      caption="Onboarding flow steps, newest first"
      columns={["When", "Step", "Outcome", "Who", "Visit"]}
      testId="flow-steps"
      empty={{ when: rows.length === 0, text: "No step recorded yet: no admin of this customer opened the page." }}
    >
      {rows.map((s) => (
        <tr key={s.id} className="border-b border-slate-100" data-step={s.step} data-outcome={s.outcome}>
          <td className={td}>
            <Time value={s.at} seconds />
          </td>
          <th scope="row" className={`${td} text-left font-normal`}>
            {FLOW_STEP_LABEL[s.step]}
          </th>
          <td className={td}>
            {s.outcome === "OK" ? (
              "Done"
            ) : (
              <span className="text-red-800">Failed{s.reason ? `: ${FLOW_REASON_LABEL[s.reason]}` : ""}</span>
            )}
          </td>
          <td className={`${td} break-all`}>
            {s.personEmail ?? (s.personId ? "a deleted person" : "Onramp or LinkedIn")}
          </td>
          <td className={`${td} font-mono text-xs text-slate-600`}>{s.visitId ? s.visitId.slice(0, 8) : "—"}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Seconds as the largest sensible unit: "40 s", "12 min", "5.5 h", "3.2 days". */
export function durationText(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86400) * 10) / 10} days`;
}

export function FlowFunnelTable({ steps }: { steps: FlowFunnelStep[] }) {
  const last = steps[steps.length - 1]?.step;
  return (
    <Table
      caption="Onboarding flow across customers: how many reached each step, where they stopped, and how long each step took"
      columns={["Step", "Reached", "Stopped here", "Failed here", "Median from the step before"]}
      testId="flow-funnel"
    >
      {steps.map((s) => (
        <tr key={s.step} className="border-b border-slate-100" data-step={s.step}>
          <th scope="row" className={`${td} text-left font-normal`}>
            {FLOW_STEP_LABEL[s.step]}
          </th>
          <td className={`${td} tabular-nums`}>{s.reached.toLocaleString("en-US")}</td>
          <td className={`${td} tabular-nums`}>
            {s.step === last ? "— (done)" : s.stoppedHere.toLocaleString("en-US")}
          </td>
          <td className={`${td} tabular-nums ${s.failedHere ? "text-red-800" : ""}`}>
            {s.failedHere.toLocaleString("en-US")}
          </td>
          <td className={`${td} tabular-nums`}>{durationText(s.medianSecondsFromPrevious)}</td>
        </tr>
      ))}
    </Table>
  );
}
