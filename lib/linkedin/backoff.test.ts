import { describe, expect, it } from "vitest";
import { MAX_BACKOFF_MS, backoffDelayMs, nextDelayMs, nextUtcMidnight, parseRetryAfter, utcDay } from "./backoff";

describe("backoff (C26)", () => {
  it("full jitter stays within [0, base·2^(n-1)]", () => {
    expect(backoffDelayMs(1, 100, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, 100, () => 0.999)).toBe(399);
    expect(backoffDelayMs(3, 100, () => 0)).toBe(0);
    expect(backoffDelayMs(40, 1000, () => 0.999)).toBeLessThan(MAX_BACKOFF_MS);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
  });

  it("never waits less than Retry-After", () => {
    expect(nextDelayMs({ attempt: 1, baseMs: 5, retryAfterMs: 1000, random: () => 0.5 })).toBe(1000);
    expect(nextDelayMs({ attempt: 1, baseMs: 5000, retryAfterMs: 10, random: () => 0.5 })).toBe(2500);
  });

  it("counts days in UTC and resets at midnight UTC", () => {
    expect(utcDay(new Date("2026-03-01T23:59:59.999-05:00"))).toBe("2026-03-02");
    expect(nextUtcMidnight(new Date("2026-12-31T10:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});
