// GET/PUT /api/v1/customers/{customerId}/application (C1, C3: the secret is write-only).
import { setApplicationKeys } from "@/lib/customers/application-keys";
import { latestProvisioningJob } from "@/lib/customers/provisioning";
import { getCustomer } from "@/lib/customers/queries";
import { SafeError } from "@/lib/errors/safe-error";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { applicationBody, provisioningJobBody } from "@/lib/vendor-api/present";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.getApplication, async ({ params }) => {
  const customer = await getCustomer(params.customerId);
  const job = await latestProvisioningJob(customer.id);
  return {
    application: customer.application ? applicationBody(customer.application) : null,
    provisioning: job ? provisioningJobBody(job) : null,
  };
});

export const PUT = apiRoute(OPERATIONS.setApplicationKeys, async ({ caller, params, body }) => {
  await setApplicationKeys(caller, params.customerId, body);
  const customer = await getCustomer(params.customerId);
  if (!customer.application)
    throw new SafeError("unavailable", "The keys were stored but can not be read back; try again.");
  return applicationBody(customer.application);
});
