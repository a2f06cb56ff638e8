// What LinkedIn checks before a request reaches a resource, for both families (L23–L26):
// - query tunnelling (L26): `POST` + `X-HTTP-Method-Override: GET` + a form body carrying the query is the GET;
// - URL limits (L26): 414 when the URL is over 8 KB, the query over 4 KB or a path segment over 4 KB;
// - `/rest/` requires `LinkedIn-Version: YYYYMM[.RR]` (L23; the answer to a missing one is not public: ASSUMPTION,
//   426 with LinkedIn's usual error body, as one third-party source reports) and, in this sandbox, Rest.li 2.0
//   (ASSUMPTION: L23 lets /rest/ speak 1.0; Onramp never does, so the sandbox refuses it to catch a slip).
import { apiError, type Reply, type RequestContext } from "./http-io";
import { type KeySyntax, keySyntax, protocolOf } from "./key-syntax";

export const URL_LIMITS = { url: 8 * 1024, query: 4 * 1024, segment: 4 * 1024 };

/** 414 past L26's limits, measured on the URL as sent (before any tunnelled query is unwrapped). */
export function urlLimitReply(rawUrl: string): Reply | null {
  const q = rawUrl.indexOf("?");
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = q < 0 ? "" : rawUrl.slice(q + 1);
  const why =
    rawUrl.length > URL_LIMITS.url
      ? `the URL is ${rawUrl.length} bytes (over 8 KB)`
      : query.length > URL_LIMITS.query
        ? `the query is ${query.length} bytes (over 4 KB)`
        : path.split("/").some((s) => s.length > URL_LIMITS.segment)
          ? "a path segment is over 4 KB"
          : null;
  return why ? apiError(414, `Request-URI Too Long: ${why}; tunnel the query (L26)`) : null;
}

/** L26: unwraps a tunnelled GET in place (method and query); refuses a malformed tunnel. */
export async function untunnel(ctx: RequestContext): Promise<Reply | null> {
  const override = ctx.header("x-http-method-override");
  if (override === undefined) return null;
  if (ctx.method !== "POST" || override.toUpperCase() !== "GET")
    return apiError(400, `X-HTTP-Method-Override: ${override} is only understood on POST, as GET (L26)`);
  const type = ctx.header("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type))
    return apiError(400, `a tunnelled query needs Content-Type application/x-www-form-urlencoded, got "${type}" (L26)`);
  if (ctx.url.search !== "")
    return apiError(400, "a tunnelled request carries its query in the body, not the URL (L26)");
  const query = (await ctx.body()).toString("utf8");
  ctx.method = "GET";
  ctx.url.search = query === "" ? "" : `?${query}`;
  return null;
}

/** The key syntax of a request to `family`'s integration resources, or the refusal (L23, L24). */
export function syntaxFor(ctx: RequestContext, family: "v2" | "rest"): KeySyntax | Reply {
  const protocol = protocolOf(ctx);
  if (typeof protocol !== "string") return apiError(400, protocol.error);
  if (family === "rest") {
    const version = ctx.header("linkedin-version");
    if (version === undefined) return apiError(426, "LinkedIn-Version header is required on /rest/ (L23)");
    if (!/^\d{6}(\.\d{2})?$/.test(version))
      return apiError(400, `LinkedIn-Version must be YYYYMM or YYYYMM.RR, got "${version}" (L23)`);
    if (protocol !== "2.0")
      return apiError(
        400,
        "this sandbox speaks only Rest.li 2.0 on /rest/: send X-Restli-Protocol-Version: 2.0.0 (L24)",
      );
  }
  return keySyntax(protocol, family);
}
