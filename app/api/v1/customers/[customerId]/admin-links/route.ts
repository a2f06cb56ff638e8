// POST /api/v1/customers/{customerId}/admin-links (issue 12).
import { createAdminLink } from "@/lib/admin-links/links";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(OPERATIONS.createAdminLink, async ({ caller, params, body }) =>
  createAdminLink(caller, params.customerId, body.email),
);
