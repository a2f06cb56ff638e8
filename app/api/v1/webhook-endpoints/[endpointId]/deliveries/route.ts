// GET /api/v1/webhook-endpoints/{endpointId}/deliveries (issue 12).
import { listDeliveries } from "@/lib/webhooks/queries";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.listWebhookDeliveries, async ({ params }) => ({
  data: await listDeliveries(params.endpointId),
  nextCursor: null,
}));
