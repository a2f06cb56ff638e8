// The customer page's onboarding flow (issue 22 point 3): the admin's visits step by step, newest first, with a
// link to the whole timeline (point 4). An async server component behind its own Suspense boundary (issue 21).
import Link from "next/link";
import { FlowStepTable } from "@/components/console/flow-steps";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { customerFlowSteps } from "@/lib/onboarding-flow/queries";
import { pagesBeyondFirst } from "@/lib/pagination/page-number";
import type { CustomerView } from "./customer-sections";

export async function FlowStepsList({ view }: { view: CustomerView }) {
  const steps = await customerFlowSteps(view.customerId, view.params.flowPage);
  const basePath = `/console/customers/${view.customerId}`;
  return (
    <Section id="flow-steps" title="Flow steps">
      <p className="mb-2 text-sm text-slate-700">
        Each step of the admins' visits to their integrations page, and what Onramp and LinkedIn did next.{" "}
        <Link href={`${basePath}/timeline`} className="text-blue-800 underline">
          Everything that happened, in one timeline
        </Link>
        {" · "}
        <Link href={`/console/issues?customer=${view.customerId}#records`} className="text-blue-800 underline">
          This customer's support issues
        </Link>
      </p>
      <FlowStepTable rows={steps.rows} />
      <Pagination
        basePath={basePath}
        query={pagesBeyondFirst(view.params)}
        param="flowPage"
        list={steps}
        label="Flow steps"
        anchor="flow-steps"
      />
    </Section>
  );
}
