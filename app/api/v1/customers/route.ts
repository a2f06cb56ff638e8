// GET/POST /api/v1/customers (issue #6; schemas and docs in lib/vendor-api/operations.ts).
import { createCustomer } from "@/lib/customers/mutations";
import { getCustomer } from "@/lib/customers/queries";
import { listCustomersForApi } from "@/lib/vendor-api/customers";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { customerBody } from "@/lib/vendor-api/present";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.listCustomers, ({ query }) => listCustomersForApi(query));

export const POST = apiRoute(OPERATIONS.createCustomer, async ({ caller, body }) => {
  const { id } = await createCustomer(caller, body);
  return customerBody(await getCustomer(id));
});
