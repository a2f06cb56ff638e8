// POST /api/v1/customers/{customerId}/application/provisioning (C1): queues the provisioning job.
import { requestProvisioning } from "@/lib/customers/provisioning";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(OPERATIONS.requestProvisioning, ({ caller, params }) =>
  requestProvisioning(caller, params.customerId),
);
