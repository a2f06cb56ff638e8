// The console pages' reads, called as the pages call them (each page's sections at once), for the console bench
// (./console.bench.ts) on the 2,000-customer set.
import { env } from "@/lib/env";
import { openIssueRecords, resolvedIssueRecords } from "@/lib/issues/queries";
import { listAudit } from "@/lib/support/audit";
import {
  customerIntegrations,
  customerJobs,
  customerNotifications,
  customerSummary,
  linkedInUsage,
} from "@/lib/support/customer";
import { dailyLimitHolds } from "@/lib/support/daily-holds";
import type { IntegrationFilter } from "@/lib/support/filters";
import {
  failedJobs,
  failedNotifications,
  keyFailures,
  oldSecrets,
  openAnomalies,
  stuckAfterHours,
  stuckIntegrations,
  unknownTypeIntegrations,
} from "@/lib/support/issues";
import { knownIntegrationTypes, listIntegrations, recentChanges, stageCounts } from "@/lib/support/overview";
import { overdueSecretRolls } from "@/lib/support/secret-rolls";
import { tupleConflicts } from "@/lib/support/tuple-conflicts";

export async function overviewPage(filter: IntegrationFilter) {
  return Promise.all([
    stageCounts(filter),
    listIntegrations(filter, 1),
    recentChanges(filter, 1),
    knownIntegrationTypes(),
  ]);
}

export async function customerPage(customerId: string) {
  const summary = await customerSummary(customerId);
  return Promise.all([
    customerIntegrations(customerId, 1),
    customerJobs(customerId, 1),
    customerNotifications(customerId, 1),
    listAudit({ customerId }, 1, 10),
    linkedInUsage(summary?.application ?? null),
  ]);
}

/** Every section of /console/issues, each reading its own list as the page's sections do (all at once). */
export const ISSUE_SECTIONS: [string, () => Promise<unknown>][] = [
  ["openIssueRecords", () => openIssueRecords(1)],
  ["failedJobs", () => failedJobs(1)],
  ["keyFailures", () => keyFailures(1)],
  ["overdueSecretRolls", () => overdueSecretRolls(1)],
  ["dailyLimitHolds", () => dailyLimitHolds(1)],
  ["oldSecrets", () => oldSecrets(env().LINKEDIN_SECRET_MAX_AGE_DAYS, 1)],
  ["stuckIntegrations", async () => stuckIntegrations(await stuckAfterHours(), 1)],
  ["tupleConflicts", () => tupleConflicts(1)],
  ["openAnomalies", () => openAnomalies(1)],
  ["failedNotifications", () => failedNotifications(1)],
  ["unknownTypeIntegrations", () => unknownTypeIntegrations(1)],
  ["resolvedIssueRecords", () => resolvedIssueRecords(1)],
];

export function issuesPage() {
  return Promise.all(ISSUE_SECTIONS.map(([, read]) => read()));
}
