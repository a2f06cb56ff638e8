// GET, POST /api/v1/webhook-endpoints (issue 12).
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { getWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/queries";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.listWebhookEndpoints, async () => ({
  data: await listWebhookEndpoints(),
  nextCursor: null,
}));

export const POST = apiRoute(OPERATIONS.createWebhookEndpoint, async ({ caller, body }) => {
  const created = await createWebhookEndpoint(caller, body);
  return { endpoint: await getWebhookEndpoint(created.id), secret: created.secret };
});
