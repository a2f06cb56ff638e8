// POST /api/v1/key-imports: bulk import of existing keys (C1, L21, issue 10 item 7; lib/customers/key-import.ts).
import { startKeyImport } from "@/lib/customers/key-import";
import { keyImportView } from "@/lib/customers/key-import-queries";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(OPERATIONS.createKeyImport, async ({ caller, body }) => {
  const { importId } = await startKeyImport(caller, { rows: body.rows });
  return keyImportView(importId);
});
