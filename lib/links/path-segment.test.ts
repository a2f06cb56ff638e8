import { describe, expect, it } from "vitest";
import { decodePathSegment, pathDecodes } from "./path-segment";

describe("decodePathSegment", () => {
  it("decodes a well-formed segment and answers null for malformed escapes", () => {
    expect(decodePathSegment("abc_-123")).toBe("abc_-123");
    expect(decodePathSegment("a%2Fb")).toBe("a/b");
    expect(decodePathSegment("%")).toBeNull();
    expect(decodePathSegment("%E0%A4%A")).toBeNull();
  });

  it("tells whether a whole path decodes", () => {
    expect(pathDecodes("/invite/abc_-1%2B")).toBe(true);
    expect(pathDecodes("/invite/%")).toBe(false);
    expect(pathDecodes("/admin-link/a%E0%A4%A")).toBe(false);
  });
});
