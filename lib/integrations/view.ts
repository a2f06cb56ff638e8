// What the customer admin's integrations page shows, as the SWR route answers it and the hook reads it.
// Pure: imported by the route (server) and the client components alike, so both sides share one type.
import { isActiveJobStatus } from "@/lib/jobs/status";
import type { OnboardingStatus, SyncState } from "@/lib/db/enums";
import type { JobTrackerFields } from "@/lib/jobs/types";

export type ConfigurationView = {
  key: string;
  label: string;
  description: string | null;
  /** Null for values the customer does not see (the callback URL carries a secret key, C21). */
  value: string | null;
  editable: boolean;
  syncState: SyncState | null;
  syncError: string | null;
};

export type IntegrationView = {
  id: string;
  name: string;
  integrationType: string;
  typeLabel: string;
  tenantType: string;
  integrationContext: string;
  onboardingStatus: OnboardingStatus;
  statusChangedAt: string;
  nameSync: { state: SyncState; error: string | null; syncedAt: string | null; attempts: number };
  configSync: { state: SyncState; error: string | null; syncedAt: string | null };
  configurations: ConfigurationView[];
};

/** A job as the integrations page's JSON carries it (dates as ISO strings). */
export type SyncJobView = JobTrackerFields & { createdAt: string };

export type IntegrationListResponse = {
  customerId: string;
  integrations: IntegrationView[];
  /** "x of y names synced": counted from the rows, so it is right after a crash too. */
  progress: { namesSynced: number; configurationsSynced: number; total: number };
  /** Sync jobs queued, running or retrying, and the latest failed one. */
  jobs: SyncJobView[];
  generatedAt: string;
};

/** Whether the page should keep polling fast: something is still moving. */
export function isSettling(r: IntegrationListResponse): boolean {
  return (
    r.jobs.some((j) => isActiveJobStatus(j.status)) ||
    r.integrations.some(
      (i) =>
        i.onboardingStatus !== "ENABLED" ||
        i.nameSync.state === "PENDING" ||
        i.nameSync.state === "SYNCING" ||
        i.configSync.state === "SYNCING",
    )
  );
}

/** The SWR key (and URL) of one customer's integration list: the route app/api/customers/[customerId]/integrations. */
export function integrationsKey(customerId: string): string {
  return `/api/customers/${encodeURIComponent(customerId)}/integrations`;
}
