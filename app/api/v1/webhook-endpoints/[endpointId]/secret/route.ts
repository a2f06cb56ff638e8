// POST /api/v1/webhook-endpoints/{endpointId}/secret: rotate the signing secret (issue 12).
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";
import { getWebhookEndpoint } from "@/lib/webhooks/queries";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(OPERATIONS.rotateWebhookSecret, async ({ caller, params }) => {
  const rotated = await rotateWebhookSecret(caller, params.endpointId);
  return { endpoint: await getWebhookEndpoint(rotated.id), secret: rotated.secret };
});
