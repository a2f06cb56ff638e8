// The latest provisioning job of a customer (C1, C28): where it stands and, when LinkedIn refused,
// its reason in plain words.
import type { ProvisioningJob } from "@/lib/customers/provisioning";
import { PROVISIONING_WORDS } from "@/lib/status/vocabulary";
import { Time } from "@/components/ui/time";

export function ProvisioningStatus({ job }: { job: ProvisioningJob }) {
  const failing = job.status === "FAILED" || (job.status === "RETRYING" && job.lastError);
  return (
    <div
      className={`rounded border p-3 text-sm ${failing ? "border-red-200 bg-red-50" : "border-slate-200 bg-slate-50"}`}
      data-testid="provisioning-status"
    >
      <p className="font-medium">
        Provisioning: {PROVISIONING_WORDS[job.status]}
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
