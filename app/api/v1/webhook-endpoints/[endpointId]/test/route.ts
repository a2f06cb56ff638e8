// POST /api/v1/webhook-endpoints/{endpointId}/test (issue 12).
import { eventIdOf } from "@/lib/events/present";
import { sendTestEvent } from "@/lib/webhooks/replay";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(OPERATIONS.sendWebhookTest, async ({ caller, params }) => {
  const { eventId } = await sendTestEvent(caller, params.endpointId);
  return { eventId: eventIdOf(eventId) };
});
