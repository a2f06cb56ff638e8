// GET /api/v1/integrations: statuses for the vendor's backend, paged by cursor, updatedSince for
// incremental reads (issue #6).
import { listIntegrationsForApi } from "@/lib/vendor-api/integrations";
import { withLegacyItems } from "@/lib/vendor-api/list";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.listIntegrations, async ({ query }) =>
  withLegacyItems(await listIntegrationsForApi(query)),
);
