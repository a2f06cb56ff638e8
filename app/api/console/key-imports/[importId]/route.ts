// GET /api/console/key-imports/{importId}: what the import page polls (SWR) while the job checks the rows
// (issue 10 item 7). Staff only; never a secret (C3).
import { NextResponse } from "next/server";
import { session } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { keyImportView } from "@/lib/customers/key-import-queries";
import { keyImportQuerySchema } from "@/lib/customers/key-import-schemas";
import { SafeError } from "@/lib/errors/safe-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(session<{ importId: string }>(STAFF_ROLES), async (req, { params }) => {
  const query = keyImportQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  if (!query.success)
    throw new SafeError("bad_request", "Use page=1, 2, … and status=PENDING, IMPORTED, UNCHANGED or REFUSED.");
  const view = await keyImportView(params.importId, query.data);
  return NextResponse.json(view, { headers: { "cache-control": "no-store" } });
});
