// GET, PATCH, DELETE /api/v1/webhook-endpoints/{endpointId} (issue 12).
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { getWebhookEndpoint } from "@/lib/webhooks/queries";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.getWebhookEndpoint, async ({ params }) => getWebhookEndpoint(params.endpointId));

export const PATCH = apiRoute(OPERATIONS.updateWebhookEndpoint, async ({ caller, params, body }) => {
  await updateWebhookEndpoint(caller, params.endpointId, body);
  return getWebhookEndpoint(params.endpointId);
});

export const DELETE = apiRoute(OPERATIONS.deleteWebhookEndpoint, async ({ caller, params }) => {
  await deleteWebhookEndpoint(caller, params.endpointId);
  return { deleted: true as const };
});
