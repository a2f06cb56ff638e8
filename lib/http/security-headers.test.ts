// Issue 20 items 6 and 8: what next.config.ts sets for every answer and for server actions, and when HSTS is sent.
// The answers themselves are checked in Chromium against the production build (e2e/security-headers.spec.ts,
// e2e/hostile-input.spec.ts).
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/customers/key-import-limits";
import nextConfig from "@/next.config";
import { SERVER_ACTION_MAX_BODY_BYTES, SERVER_ACTION_PROXY_BODY_BYTES } from "./body-limits";
import { API_CONTENT_SECURITY_POLICY, strictTransportSecurity } from "./security-headers";

describe("next.config.ts", () => {
  it("adds nosniff, Referrer-Policy and Permissions-Policy to every path, and a never-framed policy under /api/", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const everywhere = rules.find((r) => r.source === "/:path*")?.headers.map((h) => h.key);
    expect(everywhere).toEqual(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]);
    const api = rules.find((r) => r.source === "/api/:path*")?.headers;
    expect(api).toEqual([{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }]);
    expect(API_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it("bounds server action bodies above the CSV upload, and the proxy's copy far enough above that", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_MAX_BODY_BYTES);
    expect(SERVER_ACTION_MAX_BODY_BYTES).toBeGreaterThan(MAX_IMPORT_FILE_BYTES);
    expect(SERVER_ACTION_MAX_BODY_BYTES).toBeLessThanOrEqual(1024 * 1024);
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(SERVER_ACTION_PROXY_BODY_BYTES);
    // A copy cut at the proxy's bound loses at most one read chunk (64 KiB): it is still over the action's bound.
    expect(SERVER_ACTION_PROXY_BODY_BYTES - 64 * 1024).toBeGreaterThan(SERVER_ACTION_MAX_BODY_BYTES);
  });
});

describe("Strict-Transport-Security", () => {
  it("only in production, and only when Onramp is served over https", () => {
    expect(strictTransportSecurity({ NODE_ENV: "production", PUBLIC_URL: "https://onramp.vendor.example" })).toBe(
      "max-age=63072000",
    );
    expect(strictTransportSecurity({ NODE_ENV: "production", PUBLIC_URL: "http://localhost:3000" })).toBeNull();
    expect(
      strictTransportSecurity({ NODE_ENV: "development", PUBLIC_URL: "https://onramp.vendor.example" }),
    ).toBeNull();
  });
});
