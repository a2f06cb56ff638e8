// Issue 20 point 2: the app believes x-onramp-client-address only when Onramp's server (scripts/serve.ts) runs in
// this process; otherwise every client is the one shared "unknown" source, and a warning says why, once.
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER, markServedByOnrampServer } from "./client-address";
import { clientAddress, UNKNOWN_SOURCE } from "./request-source";

const warnings = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock("@/lib/log/logger", () => ({
  logger: () => ({ warn: (line: string) => warnings.lines.push(line) }),
}));

afterEach(() => {
  globalThis.onrampClientAddressServer = undefined;
});

const forged = { "x-forwarded-for": "203.0.113.9", [CLIENT_ADDRESS_HEADER]: "203.0.113.9" };

describe("clientAddress", () => {
  it("not behind Onramp's server: believes no header, every client is 'unknown', and says so once", () => {
    expect(clientAddress(forged)).toBe(UNKNOWN_SOURCE);
    expect(clientAddress(new Headers(forged))).toBe(UNKNOWN_SOURCE);
    expect(warnings.lines).toHaveLength(1);
    expect(warnings.lines[0]).toMatch(/npm start/);
  });

  it("behind it: the address the server wrote, canonical; anything else there is 'unknown'", () => {
    markServedByOnrampServer();
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "2001:DB8::1" })).toBe("2001:db8::1");
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe(UNKNOWN_SOURCE);
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "<script>" })).toBe(UNKNOWN_SOURCE);
  });
});
