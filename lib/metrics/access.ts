import "server-only";
// Who may read GET /api/metrics (issue 24 point 1): the figures span every customer, so the endpoint is off (404)
// until METRICS_TOKEN is set, and then answers only that bearer token, compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const digest = (v: string) => createHash("sha256").update(v).digest();

/** The refusal to answer, or null when the caller may read the metrics. */
export function metricsRefusal(authorization: string | null): Response | null {
  const token = env().METRICS_TOKEN;
  const noStore = { "cache-control": "no-store" };
  if (!token) return new Response("Not found", { status: 404, headers: noStore });
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  // Hashes of equal length, so the comparison takes the same time whatever the caller sent.
  if (timingSafeEqual(digest(given), digest(token))) return null;
  return new Response("A valid metrics token is required.", {
    status: 401,
    headers: { ...noStore, "www-authenticate": 'Bearer realm="metrics"' },
  });
}
