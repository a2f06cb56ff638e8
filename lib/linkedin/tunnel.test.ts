import { describe, expect, it } from "vitest";
import { TUNNEL_QUERY_CHARS, tunnelled } from "./tunnel";

describe("query tunnelling (L26)", () => {
  const url = (n: number) => `https://api.example/rest/integrations?ids=${"x".repeat(n - 4)}`;

  it("sends a GET whose query passes 4,000 characters as POST with X-HTTP-Method-Override and the query as a form body", () => {
    const long = url(TUNNEL_QUERY_CHARS + 1);
    expect(tunnelled("GET", long, {})).toEqual({
      method: "POST",
      url: "https://api.example/rest/integrations",
      headers: { "x-http-method-override": "GET" },
      contentType: "application/x-www-form-urlencoded",
      payload: long.slice(long.indexOf("?") + 1),
    });
  });

  it("leaves a query of exactly 4,000 characters, and other methods, as they are", () => {
    expect(tunnelled("GET", url(TUNNEL_QUERY_CHARS), {})).toMatchObject({ method: "GET", headers: {} });
    expect(tunnelled("POST", url(9000), { contentType: "application/json", payload: "{}" })).toMatchObject({
      method: "POST",
      url: url(9000),
      payload: "{}",
    });
  });
});
