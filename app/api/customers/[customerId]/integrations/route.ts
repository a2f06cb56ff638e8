// GET /api/customers/{customerId}/integrations: the integrations page's live data (issue #4), polled by
// SWR. Staff may read any customer; a customer admin only their own (others answer 404).
import { NextResponse } from "next/server";
import { session } from "@/lib/auth/guard";
import { ANY_ROLE } from "@/lib/auth/roles";
import { route } from "@/lib/http/route";
import { integrationList } from "@/lib/integrations/queries";
import type { IntegrationListResponse } from "@/lib/integrations/view";

export const dynamic = "force-dynamic";

export const GET = route(
  session<{ customerId: string }>(ANY_ROLE, { customerScope: true }),
  async (_req, { params }) => {
    const body: IntegrationListResponse = await integrationList(params.customerId);
    return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
  },
);
