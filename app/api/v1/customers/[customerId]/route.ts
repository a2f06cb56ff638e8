// GET/PATCH /api/v1/customers/{customerId} (issue #6).
import { updateCustomer } from "@/lib/customers/mutations";
import { getCustomer } from "@/lib/customers/queries";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { customerBody } from "@/lib/vendor-api/present";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.getCustomer, async ({ params }) =>
  customerBody(await getCustomer(params.customerId)),
);

export const PATCH = apiRoute(OPERATIONS.updateCustomer, async ({ caller, params, body }) => {
  await updateCustomer(caller, params.customerId, body);
  return customerBody(await getCustomer(params.customerId));
});
