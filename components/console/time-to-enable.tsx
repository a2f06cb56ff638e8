// Time from REQUESTED to ENABLED and the nudges sent before ENABLED (issue 14), on the overview.

import Link from "next/link";
import { Table } from "@/components/ui/table";
import type { CustomerTimeToEnable, TimeToEnable } from "@/lib/support/time-to-enable";

const hours = (h: number | null) => (h === null ? "—" : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} days`);
const perIntegration = (t: TimeToEnable) => (t.enabled ? Math.round((t.nudgesBeforeEnabled / t.enabled) * 10) / 10 : 0);

export function TimeToEnableSection({
  overall,
  customers,
}: {
  overall: TimeToEnable;
  customers: CustomerTimeToEnable[];
}) {
  return (
    <>
      <p className="text-sm text-slate-700" data-testid="time-to-enable">
        {overall.enabled.toLocaleString("en-US")} enabled integration{overall.enabled === 1 ? "" : "s"}: median{" "}
        {hours(overall.medianHours)}, p90 {hours(overall.p90Hours)} from REQUESTED to ENABLED;{" "}
        {overall.nudgesBeforeEnabled.toLocaleString("en-US")} nudge email
        {overall.nudgesBeforeEnabled === 1 ? "" : "s"} sent before ENABLED ({perIntegration(overall)} per integration).
      </p>
      {customers.length ? (
        <Table
          caption="Slowest customers to enable, by median"
          columns={["Customer", "Enabled", "Median", "p90", "Nudges before ENABLED"]}
          minWidth="40rem"
          className="mt-2"
        >
          {customers.map((c) => (
            <tr key={c.customerId} className="border-b border-slate-100">
              <td className="py-2 pr-4">
                <Link className="text-blue-800 underline" href={`/console/customers/${c.customerId}`}>
                  {c.customerName}
                </Link>
              </td>
              <td className="py-2 pr-4 tabular-nums">{c.enabled}</td>
              <td className="py-2 pr-4 tabular-nums">{hours(c.medianHours)}</td>
              <td className="py-2 pr-4 tabular-nums">{hours(c.p90Hours)}</td>
              <td className="py-2 tabular-nums">
                {c.nudgesBeforeEnabled} ({perIntegration(c)} per integration)
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
    </>
  );
}
