import type { Metadata } from "next";
import { Section } from "@/components/ui/section";
import { StreamedSection } from "@/components/layout/streamed-section";
import { WebhookEndpointForm } from "@/components/console/webhook-forms";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { createWebhookEndpointAction } from "./actions";
import { EndpointsSection } from "./webhooks-sections";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

// Issue 12: the vendor's webhook endpoints, their deliveries (each attempt logged), replay and test events. Issue 21
// (point 1): the frame and the form to add an endpoint are sent at once; the endpoints stream in behind their own
// Suspense boundary, each endpoint's deliveries behind another.
export default async function WebhooksPage() {
  const actor = await requirePageActor(STAFF_ROLES, "/console/webhooks");
  const operator = actor.role === "OPERATOR";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <p className="text-sm text-slate-600">
        Events for the vendor&apos;s ATS, signed in the Standard Webhooks format and retried for about a day. The same
        events are in the feed,
        <span className="font-mono"> GET /api/v1/events</span>.
      </p>
      <StreamedSection id="endpoints" title="Endpoints">
        <EndpointsSection operator={operator} />
      </StreamedSection>
      {operator ? (
        <Section id="add-webhook" title="Add an endpoint" card>
          <WebhookEndpointForm action={createWebhookEndpointAction} />
        </Section>
      ) : null}
    </div>
  );
}
