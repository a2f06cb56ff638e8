import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { WebhookEndpointForm, WebhookRotateButton, WebhookReplayRangeForm } from "@/components/console/webhook-forms";
import { Section } from "@/components/console/section";
import { StateBadge } from "@/components/console/status-badge";
import { Table } from "@/components/console/table";
import { Time } from "@/components/console/time";
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
            <Table
              caption={`Latest deliveries to ${e.url}`}
              columns={["Event", "State", "Attempts", "Last attempt", "Queued", { hidden: "Actions" }]}
              empty={{ when: e.deliveries.length === 0, text: "No deliveries yet." }}
            >
              {e.deliveries.map((d) => (
                <tr key={d.id} className="border-b border-slate-100 align-top" data-testid="webhook-delivery">
                  <td className="py-2 pr-4">
                    <span className="font-mono">{d.eventId}</span> {d.eventType}
                    {d.replay ? " (replay)" : ""}
                  </td>
                  <td className="py-2 pr-4">
                    <StateBadge state={d.state} />
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
                        <pre className="max-w-md whitespace-pre-wrap break-all text-xs">
                          {d.attemptLog[0].responseSnippet}
                        </pre>
                      </details>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">
                    <Time value={d.createdAt} seconds />
                  </td>
                  <td className="py-2">
                    <ActionForm
                      action={replayWebhookEventAction}
                      fields={{ endpointId: e.id, eventId: d.eventId }}
                      label={`Replay ${d.eventId}`}
                    />
                  </td>
                </tr>
              ))}
            </Table>
          </div>
        </Section>
      ))}
      {endpoints.length === 0 ? <p className="text-sm text-slate-600">No endpoints yet.</p> : null}
      {operator ? (
        <Section id="add-webhook" title="Add an endpoint" card>
          <WebhookEndpointForm action={createWebhookEndpointAction} />
        </Section>
      ) : null}
    </div>
  );
}
