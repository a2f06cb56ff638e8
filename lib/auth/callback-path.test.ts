import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

describe("safeCallbackPath (no open redirect after sign-in)", () => {
  it.each([
    ["/console", "/console"],
    ["/console/customers/abc?page=2", "/console/customers/abc?page=2"],
    ["https://evil.example/console", undefined],
    ["//evil.example/x", undefined],
    ["/sign-in", undefined],
    [undefined, undefined],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
