// GET /api/health: readiness (200 or 503), for load balancers. Public: it reveals no data.
import { checkHealth } from "@/lib/health/check";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
