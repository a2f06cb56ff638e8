import { describe, expect, it } from "vitest";
import { MAX_APPLICATION_NAME_CHARS, applicationNameProblems, provisionedApplicationName } from "./provisioning-name";

describe("provisioned application name (C1)", () => {
  it('is "{vendor} - {customer}"', () => {
    expect(provisionedApplicationName("Onramp ATS", "Acme Corp")).toBe("Onramp ATS - Acme Corp");
  });

  it('never contains "LinkedIn", even when removing it forms it again', () => {
    for (const customer of ["LinkedIn Fans Inc", "Acme linkedin", "LinkLinkedInedIn", "Linked In Friends"]) {
      const name = provisionedApplicationName("Onramp ATS", customer);
      expect(name.toLowerCase()).not.toMatch(/linked\s*in/);
      expect(applicationNameProblems(name)).toEqual([]);
    }
  });

  it("is cut to 50 characters without a dangling separator or split emoji", () => {
    const name = provisionedApplicationName("Onramp ATS", "A very long customer name that goes on and on 😀 forever");
    expect([...name].length).toBeLessThanOrEqual(MAX_APPLICATION_NAME_CHARS);
    expect(name.startsWith("Onramp ATS - A very long")).toBe(true);
    expect(provisionedApplicationName("V".repeat(48), "Zed")).toBe("V".repeat(48));
  });

  it("reports names LinkedIn would refuse", () => {
    expect(applicationNameProblems("")).toHaveLength(1);
    expect(applicationNameProblems("x".repeat(51))).toHaveLength(1);
    expect(applicationNameProblems("My LinkedIn app")).toHaveLength(1);
  });
});
