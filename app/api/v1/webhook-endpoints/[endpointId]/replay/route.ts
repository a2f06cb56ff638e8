// POST /api/v1/webhook-endpoints/{endpointId}/replay (issue 12).
import { replayToEndpoint } from "@/lib/webhooks/replay";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(OPERATIONS.replayWebhookEvents, async ({ caller, params, body }) =>
  replayToEndpoint(caller, params.endpointId, body),
);
