// GET /api/v1/customers/{customerId}/callback-url (C21).
import { getCustomer } from "@/lib/customers/queries";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.getCallbackUrl, async ({ params }) => {
  const customer = await getCustomer(params.customerId);
  return { callbackUrl: customer.callbackUrl, rotatedAt: customer.callbackKeyRotatedAt?.toISOString() ?? null };
});
