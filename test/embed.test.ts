// Embedded mode (issue 12): the customer admin's pages may be framed by the origins the operator lists in
// EMBED_ALLOWED_ORIGINS (CSP frame-ancestors); every other page, and every page when none are listed,
// refuses framing.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { setProcessEnv } from "@/lib/env";
import { proxy } from "@/proxy";

const frameAncestors = (path: string) =>
  (proxy(new NextRequest(`http://onramp.test${path}`)).headers.get("content-security-policy") ?? "")
    .split("; ")
    .find((d) => d.startsWith("frame-ancestors "));

afterEach(() => setProcessEnv({ EMBED_ALLOWED_ORIGINS: undefined }));

describe("embedded mode", () => {
  it("refuses every frame by default", () => {
    expect(frameAncestors("/integrations")).toBe("frame-ancestors 'none'");
  });

  it("lets the listed origins frame /integrations and the sign-in link page, and nothing else", () => {
    setProcessEnv({ EMBED_ALLOWED_ORIGINS: "https://ats.example.com https://admin.ats.example.com/path" });
    expect(frameAncestors("/integrations")).toBe(
      "frame-ancestors 'self' https://ats.example.com https://admin.ats.example.com",
    );
    expect(frameAncestors("/admin-link/abc")).toBe(
      "frame-ancestors 'self' https://ats.example.com https://admin.ats.example.com",
    );
    expect(frameAncestors("/console")).toBe("frame-ancestors 'none'");
    expect(frameAncestors("/integrationsx")).toBe("frame-ancestors 'none'");
  });

  it("refuses a malformed origin at start-up with the variable's name", () => {
    setProcessEnv({ EMBED_ALLOWED_ORIGINS: "ats.example.com" });
    expect(() => frameAncestors("/integrations")).toThrow(/EMBED_ALLOWED_ORIGINS/);
  });
});
