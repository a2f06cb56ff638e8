"use client";
// The customer's integrations with their onboarding status and sync state, kept current by SWR so
// REQUESTED → PARTNER_READY → ENABLED and the sync progress show without a reload (issue #4). Words come from the
// page's catalogue (issue 25); the badge's colours are the console's (lib/status/tones.ts).
import { useTranslations } from "@/components/i18n/catalogue";
import type { FormAction } from "@/lib/actions/state";
import type { OnboardingStatus, SyncState } from "@/lib/db/enums";
import {
  type IntegrationListResponse,
  type IntegrationView,
  integrationsKey,
  type SyncJobView,
} from "@/lib/integrations/view";
import { ONBOARDING_TONES, TONE_CLASSES } from "@/lib/status/tones";
import { ConfigurationForm } from "./configuration-form";
import { RenameForm } from "./rename-form";
import { StatusCheckButton } from "./status-check-button";
import { useIntegrations } from "./use-integrations";

const JOB_KINDS = new Set(["SYNC_NAMES", "SYNC_CONFIGURATIONS"]);

function JobLine({ job }: { job: SyncJobView }) {
  const t = useTranslations("List");
  const what = JOB_KINDS.has(job.kind) ? t(job.kind as "SYNC_NAMES" | "SYNC_CONFIGURATIONS") : t("otherJob");
  if (job.status === "FAILED") {
    return (
      <li className="text-red-800">
        {t("jobFailed", { what, attempts: job.attempts, reason: job.lastError ?? t("noReason") })}
      </li>
    );
  }
  const line = job.totalCount > 0 ? t("jobCounts", { what, done: job.succeededCount, total: job.totalCount }) : what;
  return (
    <li>
      {line}
      {job.status === "QUEUED" ? ` ${t("jobQueued")}` : null}
      {job.status === "RETRYING" ? ` — ${t("jobRetrying", { attempt: job.attempts, max: job.maxAttempts })} ` : null}
      {job.status === "RETRYING" ? job.lastError : null}
    </li>
  );
}

/** A sync state in a customer admin's words (C18); the same cases as the console's syncWords. */
function useSyncWords(): (state: SyncState, error: string | null) => string {
  const t = useTranslations("Status");
  return (state, error) => {
    if (state === "SYNCED") return t("synced");
    if (state === "SYNCING") return t("syncing");
    if (state === "FAILED") return t("failed");
    if (error?.startsWith("Waiting for you")) return t("waitingForYou");
    return error ? t("retrySoon") : t("waiting");
  };
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
  const words = useSyncWords();
  return (
    <p className={state === "FAILED" ? "text-red-800" : "text-slate-700"}>
      <span className="font-medium">{label}:</span> <span data-sync-state={state}>{words(state, error)}</span>
      {error ? <span className="block">{error}</span> : null}
    </p>
  );
}

/** The onboarding status as a badge, in the page's language. */
function StatusBadge({ status }: { status: OnboardingStatus }) {
  const t = useTranslations("Status");
  return (
    <span
      data-testid="onboarding-status"
      data-status={status}
      className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${TONE_CLASSES[ONBOARDING_TONES[status]].badge}`}
    >
      {t(status)}
    </span>
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
  const t = useTranslations("List");
  const status = useTranslations("Status");
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
        <StatusBadge status={integration.onboardingStatus} />
      </div>
      <p className="mt-1 text-sm text-slate-600">{status(`${integration.onboardingStatus}_next`)}</p>
      <div className="mt-2 space-y-1 text-sm" data-testid="sync-state">
        <SyncLine label={t("name")} state={integration.nameSync.state} error={integration.nameSync.error} />
        <SyncLine label={t("settings")} state={integration.configSync.state} error={integration.configSync.error} />
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm text-blue-800">{t("change")}</summary>
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
  const t = useTranslations("List");
  return (
    <section aria-labelledby="integrations-heading" className="space-y-3">
      <h2 id="integrations-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {t("refreshFailed", { error: error.message })}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="text-sm text-slate-700">
        <p data-testid="sync-progress">
          {total === 0 ? t("empty") : t("progress", { names: namesSynced, settings: configurationsSynced, total })}
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
