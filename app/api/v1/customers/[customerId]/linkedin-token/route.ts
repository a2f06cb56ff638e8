// GET /api/v1/customers/{customerId}/linkedin-token (issue 12).
import { linkedInTokenForVendor } from "@/lib/customers/linkedin-token";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.getLinkedInToken, async ({ caller, params }) =>
  linkedInTokenForVendor(caller, params.customerId),
);
