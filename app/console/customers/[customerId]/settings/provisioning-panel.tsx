// The customer settings page's "Provision through LinkedIn" panel (issue #6, C1), an async server component that
// awaits the customer's latest provisioning job, so the rest of the page is sent at once and the job's progress
// streams in behind its own Suspense boundary (issue 21, point 1). Drawn only for a customer without application.
import { isActiveJobStatus } from "@/lib/jobs/status";
import { ActionForm } from "@/components/ui/action-form";
import { JobRefresher } from "@/components/console/job-refresher";
import { ProvisioningStatus } from "@/components/console/provisioning-status";
import { latestProvisioningJob } from "@/lib/customers/provisioning";
import { requestProvisioningAction } from "../../actions";

export async function ProvisioningPanel({ customerId, foreignId }: { customerId: string; foreignId: string }) {
  const job = await latestProvisioningJob(customerId);
  const jobActive = job !== null && isActiveJobStatus(job.status);
  return (
    <div className="space-y-3">
      <h3 className="font-medium">Provision through LinkedIn</h3>
      <p className="text-sm text-slate-600">
        Creates a new application for this customer with your developer application (LinkedIn&apos;s Provisioning API),
        identified by the customer id <span className="font-mono">{foreignId}</span>.
      </p>
      <JobRefresher active={jobActive} />
      {job ? <ProvisioningStatus job={job} /> : null}
      {/* Stays mounted while the job runs so its answer is read out; asking again then answers "already under way". */}
      <ActionForm
        action={requestProvisioningAction}
        fields={{ customerId }}
        label={job && !jobActive ? "Provision again" : "Provision application"}
        pendingLabel="Queuing…"
        variant="primary"
        messageId="provision-message"
      />
    </div>
  );
}
