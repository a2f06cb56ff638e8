import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import {
  OperatorWebhookEndpointForm,
  OperatorWebhookRotateButton,
  SupportWebhookReplayRangeForm,
} from "@/components/console/operator-webhook-forms";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { listDeliveries, listWebhookEndpoints, type WebhookDeliveryView } from "@/lib/webhooks/queries";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  replayWebhookEventAction,
  replayWebhookRangeAction,
  rotateWebhookSecretAction,
  sendWebhookTestAction,
  setWebhookEnabledAction,
  updateWebhookEndpointAction,
} from "./actions";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 19)} UTC` : "—");

function lastAttempt(d: WebhookDeliveryView): string {
  const a = d.attemptLog[0];
  if (!a) return "not tried yet";
  return `${a.status ?? a.error ?? "no answer"} in ${a.latencyMs} ms`;
}

// Issue 12: the vendor's webhook endpoints, their deliveries (each attempt logged), replay and test events.
export default async function WebhooksPage() {
  const actor = await requirePageActor(STAFF_ROLES, "/console/webhooks");
  const operator = actor.role === "OPERATOR";
  const endpoints = await listWebhookEndpoints();
  const withDeliveries = await Promise.all(
    endpoints.map(async (e) => ({ ...e, deliveries: await listDeliveries(e.id, 20) })),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <p className="text-sm text-slate-600">
        Events for the vendor&apos;s ATS, signed in the Standard Webhooks format and retried for about a day. The same
        events are in the feed,
        <span className="font-mono"> GET /api/v1/events</span>.
      </p>
      {withDeliveries.map((e) => (
        <section
          key={e.id}
          aria-labelledby={`ep-${e.id}`}
          className="space-y-3 rounded border border-slate-200 bg-white p-4"
          data-testid="webhook-endpoint"
        >
          <h2 id={`ep-${e.id}`} className="break-all font-mono text-base font-semibold">
            {e.url}
          </h2>
          {e.status === "DISABLED" ? (
            <div role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-900">
              Disabled {when(e.disabledAt)}. {e.disabledReason}
            </div>
          ) : e.status === "FAILING" ? (
            <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-3 text-sm">
              Failing since {when(e.failingSince)}: deliveries are being retried. The endpoint is disabled if it keeps
              failing.
            </div>
          ) : null}
          <p className="text-sm text-slate-700">
            {e.description ? `${e.description} · ` : ""}
            {e.eventTypes.length > 0 ? e.eventTypes.join(", ") : "every event type"} · last success{" "}
            {when(e.lastSuccessAt)}
          </p>
          <p className="text-sm text-slate-700" data-testid="webhook-resolve-exports">
            {e.resolveExports
              ? "One-Click Exports resolved through exportedCandidates before delivery (counted in each customer's budget)."
              : "One-Click Exports relayed unresolved: the ATS resolves them itself."}
          </p>
          <div className="flex flex-wrap gap-3">
            <ActionForm action={sendWebhookTestAction} fields={{ endpointId: e.id }} label="Send test event" />
            {operator ? (
              <>
                <ActionForm
                  action={setWebhookEnabledAction}
                  fields={{ endpointId: e.id, enabled: e.status === "DISABLED" ? "true" : "false" }}
                  label={e.status === "DISABLED" ? "Enable" : "Disable"}
                />
                <OperatorWebhookRotateButton action={rotateWebhookSecretAction} endpointId={e.id} />
                <ActionForm
                  action={deleteWebhookEndpointAction}
                  fields={{ endpointId: e.id }}
                  label="Delete endpoint"
                  variant="danger"
                  confirm="Delete this endpoint and its delivery log"
                />
              </>
            ) : null}
          </div>
          {operator ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium">Edit endpoint</summary>
              <div className="mt-3">
                <OperatorWebhookEndpointForm action={updateWebhookEndpointAction} endpoint={e} />
              </div>
            </details>
          ) : null}
          <SupportWebhookReplayRangeForm action={replayWebhookRangeAction} endpointId={e.id} />
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Latest deliveries to {e.url}</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="p-2">
                    Event
                  </th>
                  <th scope="col" className="p-2">
                    State
                  </th>
                  <th scope="col" className="p-2">
                    Attempts
                  </th>
                  <th scope="col" className="p-2">
                    Last attempt
                  </th>
                  <th scope="col" className="p-2">
                    Queued
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {e.deliveries.map((d) => (
                  <tr key={d.id} className="border-b border-slate-100 align-top" data-testid="webhook-delivery">
                    <td className="p-2">
                      <span className="font-mono">{d.eventId}</span> {d.eventType}
                      {d.replay ? " (replay)" : ""}
                    </td>
                    <td className="p-2">
                      {d.state}
                      {d.nextAttemptAt ? `, next ${when(d.nextAttemptAt)}` : ""}
                    </td>
                    <td className="p-2">{d.attempts}</td>
                    <td className="p-2">
                      {lastAttempt(d)}
                      {d.attemptLog[0]?.responseSnippet ? (
                        <details>
                          <summary>Answer</summary>
                          <pre className="max-w-md whitespace-pre-wrap break-all text-xs">
                            {d.attemptLog[0].responseSnippet}
                          </pre>
                        </details>
                      ) : null}
                    </td>
                    <td className="p-2">{when(d.createdAt)}</td>
                    <td className="p-2">
                      <ActionForm
                        action={replayWebhookEventAction}
                        fields={{ endpointId: e.id, eventId: d.eventId }}
                        label={`Replay ${d.eventId}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {endpoints.length === 0 ? <p className="text-sm text-slate-600">No endpoints yet.</p> : null}
      {operator ? (
        <section aria-labelledby="add-webhook" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="add-webhook" className="mb-3 text-lg font-semibold">
            Add an endpoint
          </h2>
          <OperatorWebhookEndpointForm action={createWebhookEndpointAction} />
        </section>
      ) : null}
    </div>
  );
}
