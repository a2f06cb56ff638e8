// Query tunnelling (L26): LinkedIn answers 414 to a query over 4 KB, so a GET whose query passes 4,000 characters
// (LinkedIn's own clients' threshold) is sent as `POST` with `X-HTTP-Method-Override: GET`, `Content-Type:
// application/x-www-form-urlencoded` and the query, as it would have been written in the URL, as the body. Pure.

export const TUNNEL_QUERY_CHARS = 4000;

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  contentType?: string;
  payload?: string;
}

export function tunnelled(method: string, url: string, body: { contentType?: string; payload?: string }): WireRequest {
  const q = url.indexOf("?");
  const query = q < 0 ? "" : url.slice(q + 1);
  if (method !== "GET" || query.length <= TUNNEL_QUERY_CHARS || body.payload !== undefined)
    return { method, url, headers: {}, ...body };
  return {
    method: "POST",
    url: url.slice(0, q),
    headers: { "x-http-method-override": "GET" },
    contentType: "application/x-www-form-urlencoded",
    payload: query,
  };
}
