// The latest provisioning job of a customer (C1, C28): where it stands and, when LinkedIn refused,
// its reason in plain words.
import type { ProvisioningJob } from "@/lib/customers/provisioning";
import { Time } from "@/components/ui/time";

const STATUS_WORDS: Record<ProvisioningJob["status"], string> = {
  QUEUED: "Queued: waiting for a worker",
  RUNNING: "Asking LinkedIn to create the application",
  RETRYING: "The last attempt failed; Onramp will try again",
  SUCCEEDED: "Done: LinkedIn created the application",
  FAILED: "Failed after the last attempt",
  CANCELLED: "Cancelled",
};

export function ProvisioningStatus({ job }: { job: ProvisioningJob }) {
  const failing = job.status === "FAILED" || (job.status === "RETRYING" && job.lastError);
  return (
    <div
      className={`rounded border p-3 text-sm ${failing ? "border-red-200 bg-red-50" : "border-slate-200 bg-slate-50"}`}
      data-testid="provisioning-status"
    >
      <p className="font-medium">
        Provisioning: {STATUS_WORDS[job.status]}
        {job.attempts > 0 ? ` (attempt ${job.attempts} of ${job.maxAttempts})` : ""}
      </p>
      {job.lastError ? (
        <p role={failing ? "alert" : undefined} className="mt-1 text-red-800">
          {job.lastError}
        </p>
      ) : null}
      <p className="mt-1 text-xs text-slate-600">
        Requested <Time value={job.createdAt} />
      </p>
    </div>
  );
}
