// GET /v2/exportedCandidates?q=request&requestId={id} (L18: how an EXPORT_CANDIDATE_PROFILE push is resolved;
// PM-RSC module 3). Customer token (L2), limited per application at 100,000 calls a day (L17). Strict: only
// q=request, requestId, start, count; an unknown id, or another application's, is 404. The element shape is
// not public (ASSUMPTION): the exported candidate's name and email, the exporting recruiter and the time.
import { authenticate } from "../auth";
import { apiError, json, type Reply, type RequestContext } from "../http-io";
import type { Runtime } from "../runtime";

const ALLOWED = ["q", "requestId", "start", "count"];

export function handleExportedCandidates(ctx: RequestContext, rt: Runtime): Reply {
  const auth = authenticate(ctx, rt.state, "customer");
  if (!auth.ok) return auth.reply;
  for (const name of ctx.url.searchParams.keys())
    if (!ALLOWED.includes(name)) return apiError(400, `Unknown query parameter ${name} on exportedCandidates`);
  if (ctx.url.searchParams.get("q") !== "request") return apiError(400, "q must be request on exportedCandidates");
  const requestId = ctx.url.searchParams.get("requestId");
  if (!requestId) return apiError(400, "requestId is required for q=request");
  const exported = rt.state.exports.get(requestId);
  if (!exported || exported.clientId !== auth.app.clientId)
    return apiError(404, `No export with request id ${requestId}`);
  return json(200, {
    elements: exported.elements,
    paging: { start: 0, count: 10, total: exported.elements.length, links: [] },
  });
}
