"use client";
import { StatusBadge } from "@/components/console/status-badge";
import { JOB_WORDS, ONBOARDING_WORDS, syncWords } from "@/lib/status/vocabulary";
import type { FormAction } from "@/lib/actions/state";
// The customer's integrations with their onboarding status and sync state, kept current by SWR so
// REQUESTED → PARTNER_READY → ENABLED and the sync progress show without a reload (issue #4).
import {
  type IntegrationListResponse,
  type IntegrationView,
  integrationsKey,
  type SyncJobView,
} from "@/lib/integrations/view";
import { ConfigurationForm } from "./configuration-form";
import { RenameForm } from "./rename-form";
import { StatusCheckButton } from "./status-check-button";
import { useIntegrations } from "./use-integrations";

function JobLine({ job }: { job: SyncJobView }) {
  const what = JOB_WORDS[job.kind] ?? job.kind;
  if (job.status === "FAILED") {
    return (
      <li className="text-red-800">
        {what} failed after {job.attempts} attempt{job.attempts === 1 ? "" : "s"}:{" "}
        {job.lastError ?? "no reason was recorded"} Your vendor&apos;s support team sees this too and can retry it.
      </li>
    );
  }
  const counts = job.totalCount > 0 ? `: ${job.succeededCount} of ${job.totalCount} done` : "";
  const retry =
    job.status === "RETRYING"
      ? ` — will try again (attempt ${job.attempts} of ${job.maxAttempts}). ${job.lastError ?? ""}`
      : "";
  const queued = job.status === "QUEUED" ? " (queued)" : "";
  return (
    <li>
      {what}
      {counts}
      {queued}
      {retry}
    </li>
  );
}

function SyncLine({
  label,
  state,
  error,
}: {
  label: string;
  state: IntegrationView["nameSync"]["state"];
  error: string | null;
}) {
  return (
    <p className={state === "FAILED" ? "text-red-800" : "text-slate-700"}>
      <span className="font-medium">{label}:</span> <span data-sync-state={state}>{syncWords(state, error)}</span>
      {error ? <span className="block">{error}</span> : null}
    </p>
  );
}

/** The customer admin's actions on the list (app/integrations/actions.ts). */
export type IntegrationListActions = { rename: FormAction; editConfiguration: FormAction; checkStatus: FormAction };

function IntegrationItem({
  integration,
  listKey,
  actions,
}: {
  integration: IntegrationView;
  listKey: string;
  actions: IntegrationListActions;
}) {
  const status = ONBOARDING_WORDS[integration.onboardingStatus];
  return (
    <li
      data-testid="integration-row"
      data-integration-context={integration.integrationContext}
      data-integration-type={integration.integrationType}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold" data-testid="integration-name">
            {integration.name}
          </h3>
          <p className="text-sm text-slate-600">
            {integration.typeLabel} · {integration.tenantType} ·{" "}
            <span className="font-mono text-xs">{integration.integrationContext}</span>
          </p>
        </div>
        <StatusBadge status={integration.onboardingStatus} size="sm" testId="onboarding-status" />
      </div>
      <p className="mt-1 text-sm text-slate-600">{status.next}</p>
      <div className="mt-2 space-y-1 text-sm" data-testid="sync-state">
        <SyncLine label="Name" state={integration.nameSync.state} error={integration.nameSync.error} />
        <SyncLine label="Settings" state={integration.configSync.state} error={integration.configSync.error} />
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm text-blue-800">Rename or change settings</summary>
        <div className="mt-2 space-y-4">
          <RenameForm
            integrationId={integration.id}
            name={integration.name}
            listKey={listKey}
            action={actions.rename}
          />
          <ConfigurationForm
            integrationId={integration.id}
            values={integration.configurations}
            listKey={listKey}
            action={actions.editConfiguration}
          />
        </div>
      </details>
    </li>
  );
}

export function IntegrationList({
  customerId,
  initial,
  actions,
}: {
  customerId: string;
  initial: IntegrationListResponse;
  actions: IntegrationListActions;
}) {
  const listKey = integrationsKey(customerId);
  const { data, error } = useIntegrations(customerId, initial);
  const list = data ?? initial;
  const { total, namesSynced, configurationsSynced } = list.progress;
  return (
    <section aria-labelledby="integrations-heading" className="space-y-3">
      <h2 id="integrations-heading" className="text-lg font-semibold">
        Your LinkedIn integrations
      </h2>
      {error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          Could not refresh: {error.message} Showing the last known state.
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="text-sm text-slate-700">
        <p data-testid="sync-progress">
          {total === 0
            ? "No integrations yet. Authorize them in the LinkedIn panel above."
            : `${namesSynced} of ${total} names synced · ${configurationsSynced} of ${total} settings synced`}
        </p>
        {list.jobs.length > 0 ? (
          <ul className="mt-1 list-disc pl-5" data-testid="sync-jobs">
            {list.jobs.map((j) => (
              <JobLine key={j.id} job={j} />
            ))}
          </ul>
        ) : null}
      </div>
      {list.integrations.some((i) => i.onboardingStatus !== "ENABLED") ? (
        <StatusCheckButton action={actions.checkStatus} />
      ) : null}
      <ul className="space-y-3">
        {list.integrations.map((i) => (
          <IntegrationItem key={i.id} integration={i} listKey={listKey} actions={actions} />
        ))}
      </ul>
    </section>
  );
}
