// C9: the pages' Content-Security-Policy allows exactly the LinkedIn hosts the plugin needs, a fresh
// nonce for scripts, and 'unsafe-eval' only in development.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, originsOf } from "./widget-csp";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("contentSecurityPolicy (C9)", () => {
  const production = contentSecurityPolicy({
    nonce: "abc123",
    linkedInUrls: ["https://platform.linkedin.com", "https://www.linkedin.com"],
    development: false,
  });

  it("allows platform.linkedin.com and www.linkedin.com for scripts, calls and frames, and no other host", () => {
    for (const name of ["script-src", "connect-src", "frame-src"]) {
      const d = directive(production, name);
      expect(d).toContain("https://platform.linkedin.com");
      expect(d).toContain("https://www.linkedin.com");
      expect(d.split(" ").filter((t) => t.startsWith("http"))).toHaveLength(2);
    }
    expect(directive(production, "default-src")).toBe("default-src 'self'");
    expect(production).not.toMatch(/\*/);
  });

  it("uses the nonce for scripts and never 'unsafe-eval' or 'unsafe-inline' scripts in production", () => {
    expect(directive(production, "script-src")).toBe(
      "script-src 'self' 'nonce-abc123' https://platform.linkedin.com https://www.linkedin.com",
    );
    expect(production).not.toContain("unsafe-eval");
    expect(directive(production, "script-src")).not.toContain("unsafe-inline");
    expect(directive(production, "style-src")).toBe(
      "style-src 'self' 'nonce-abc123' https://platform.linkedin.com https://www.linkedin.com",
    );
    expect(directive(production, "object-src")).toBe("object-src 'none'");
    expect(directive(production, "frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("allows 'unsafe-eval' only in development, where Next's dev runtime needs it", () => {
    const dev = contentSecurityPolicy({
      nonce: "n",
      linkedInUrls: ["https://platform.linkedin.com"],
      development: true,
    });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
  });

  it("follows the configured platform (the sandbox) and collapses repeated origins", () => {
    const csp = contentSecurityPolicy({
      nonce: "n",
      linkedInUrls: ["http://127.0.0.1:4010", "http://127.0.0.1:4010/"],
      development: false,
    });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-n' http://127.0.0.1:4010");
    expect(originsOf(["not a url", "https://www.linkedin.com/x"])).toEqual(["https://www.linkedin.com"]);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
