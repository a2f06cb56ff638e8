// GET /api/metrics: Prometheus text (issue 24 point 1; docs/OPERATIONS.md). Off unless METRICS_TOKEN is set (404,
// as if there were no such route); then only `Authorization: Bearer <METRICS_TOKEN>` gets the figures (401).
import { metricsRefusal } from "@/lib/metrics/access";
import { renderMetrics } from "@/lib/support/metrics";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const refusal = metricsRefusal(req.headers.get("authorization"));
  if (refusal) return refusal;
  const { text, contentType } = await renderMetrics();
  return new Response(text, { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" } });
}
