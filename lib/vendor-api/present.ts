// Rows as the vendor API answers them: ISO dates, never a secret or its hint (C3). Pure.
import type { ApplicationSummary, CustomerListItem } from "@/lib/customers/queries";
import type { ProvisioningJob } from "@/lib/customers/provisioning";
import type { ApplicationBody, CustomerBody } from "./schemas";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function applicationBody(app: ApplicationSummary): ApplicationBody {
  return {
    clientId: app.clientId,
    origin: app.origin,
    works: app.lastAuthError ? false : app.lastVerifiedAt ? true : null,
    lastVerifiedAt: isoOrNull(app.lastVerifiedAt),
    lastAuthError: app.lastAuthError,
    updatedAt: iso(app.updatedAt),
  };
}

export function customerBody(c: CustomerListItem): CustomerBody {
  return {
    id: c.id,
    displayName: c.displayName,
    foreignId: c.foreignId,
    offeredIntegrationTypes: c.offeredIntegrationTypes as CustomerBody["offeredIntegrationTypes"],
    archived: c.archivedAt !== null,
    integrationCount: c.integrationCount,
    linkedInEasyApply: { enabled: c.linkedInEasyApply, changedAt: isoOrNull(c.linkedInEasyApplyChangedAt) },
    application: c.application ? applicationBody(c.application) : null,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

export function provisioningJobBody(job: ProvisioningJob) {
  return {
    jobId: job.id,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError,
    createdAt: iso(job.createdAt),
    finishedAt: isoOrNull(job.finishedAt),
  };
}
