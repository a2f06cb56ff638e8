// GET /api/v1/key-imports/{importId}: a bulk import's progress and each row's outcome (never a secret, C3).
import { keyImportView } from "@/lib/customers/key-import-queries";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.getKeyImport, async ({ params, query }) =>
  keyImportView(params.importId, { page: query.page, status: query.status }),
);
