// The webhooks page's sections (issue 12), each an async server component that awaits its own read, so the page's
// frame is sent at once and the endpoints, then each endpoint's deliveries, stream in behind their own Suspense
// boundaries (issue 21, point 1).

import { ActionForm } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { StreamedSection } from "@/components/layout/streamed-section";
import { StateBadge } from "@/components/console/status-badge";
import { WEBHOOK_DELIVERY_WORDS } from "@/lib/status/vocabulary";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { WebhookEndpointForm, WebhookReplayRangeForm, WebhookRotateButton } from "@/components/console/webhook-forms";
import { listDeliveries, listWebhookEndpoints, type WebhookDeliveryView } from "@/lib/webhooks/queries";
import {
  deleteWebhookEndpointAction,
  replayWebhookEventAction,
  replayWebhookRangeAction,
  rotateWebhookSecretAction,
  sendWebhookTestAction,
  setWebhookEnabledAction,
  updateWebhookEndpointAction,
} from "./actions";

function lastAttempt(d: WebhookDeliveryView): string {
  const a = d.attemptLog[0];
  if (!a) return "not tried yet";
  return `${a.status ?? a.error ?? "no answer"} in ${a.latencyMs} ms`;
}

/** Each endpoint with what may be done to it (operators edit, rotate, disable and delete; support tests). */
export async function EndpointsSection({ operator }: { operator: boolean }) {
  const endpoints = await listWebhookEndpoints();
  return (
    <>
      {endpoints.map((e) => (
        <Section
          key={e.id}
          id={`ep-${e.id}`}
          title={<span className="break-all font-mono">{e.url}</span>}
          card
          testId="webhook-endpoint"
        >
          <div className="space-y-3">
            {e.status === "DISABLED" ? (
              <div role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                Disabled <Time value={e.disabledAt} seconds />. {e.disabledReason}
              </div>
            ) : e.status === "FAILING" ? (
              <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-3 text-sm">
                Failing since <Time value={e.failingSince} seconds />: deliveries are being retried. The endpoint is
                disabled if it keeps failing.
              </div>
            ) : null}
            <p className="text-sm text-slate-700">
              {e.description ? `${e.description} · ` : ""}
              {e.eventTypes.length > 0 ? e.eventTypes.join(", ") : "every event type"} · last success{" "}
              <Time value={e.lastSuccessAt} seconds />
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
                  <WebhookRotateButton action={rotateWebhookSecretAction} endpointId={e.id} />
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
                  <WebhookEndpointForm action={updateWebhookEndpointAction} endpoint={e} />
                </div>
              </details>
            ) : null}
            <WebhookReplayRangeForm action={replayWebhookRangeAction} endpointId={e.id} />
            <StreamedSection id={`deliveries-${e.id}`} title="Latest deliveries">
              <DeliveriesTable endpointId={e.id} url={e.url} />
            </StreamedSection>
          </div>
        </Section>
      ))}
      {endpoints.length === 0 ? <p className="text-sm text-slate-600">No endpoints yet.</p> : null}
    </>
  );
}

/** The endpoint's latest deliveries, each attempt logged, with a replay for each. */
async function DeliveriesTable({ endpointId, url }: { endpointId: string; url: string }) {
  const deliveries = await listDeliveries(endpointId, 20);
  return (
    <Table
      caption={`Latest deliveries to ${url}`}
      columns={["Event", "State", "Attempts", "Last attempt", "Queued", { hidden: "Actions" }]}
      empty={{ when: deliveries.length === 0, text: "No deliveries yet." }}
    >
      {deliveries.map((d) => (
        <tr key={d.id} className="border-b border-slate-100 align-top" data-testid="webhook-delivery">
          <td className="py-2 pr-4">
            <span className="font-mono">{d.eventId}</span> {d.eventType}
            {d.replay ? " (replay)" : ""}
          </td>
          <td className="py-2 pr-4">
            <StateBadge words={WEBHOOK_DELIVERY_WORDS[d.state]} />
            {d.nextAttemptAt ? (
              <span className="block text-xs">
                next <Time value={d.nextAttemptAt} seconds />
              </span>
            ) : null}
          </td>
          <td className="py-2 pr-4">{d.attempts}</td>
          <td className="py-2 pr-4">
            {lastAttempt(d)}
            {d.attemptLog[0]?.responseSnippet ? (
              <details>
                <summary>Answer</summary>
                <pre className="max-w-md whitespace-pre-wrap break-all text-xs">{d.attemptLog[0].responseSnippet}</pre>
              </details>
            ) : null}
          </td>
          <td className="py-2 pr-4">
            <Time value={d.createdAt} seconds />
          </td>
          <td className="py-2">
            <ActionForm
              action={replayWebhookEventAction}
              fields={{ endpointId, eventId: d.eventId }}
              label={`Replay ${d.eventId}`}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}
