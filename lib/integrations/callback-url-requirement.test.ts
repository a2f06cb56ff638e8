import { describe, expect, it } from "vitest";
import { desiredValue, withCallbackUrl } from "./config-sync";

// C16: every requested integration gets the customer's callback URL, whatever the operator's
// requirement rows (C15) say.
describe("the callback URL is always configured (C16)", () => {
  it("adds CALLBACK_URL when the operator's rows for a type do not list it", () => {
    const reqs = withCallbackUrl("APPLY_CONNECT", []);
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({ key: "CALLBACK_URL", valueSource: "CALLBACK_URL", customerEditable: false });
    expect(desiredValue(reqs[0]!, "ignored", "https://onramp.example/api/linkedin/callback/k")).toBe("https://onramp.example/api/linkedin/callback/k");
  });

  it("keeps the operator's own CALLBACK_URL row and adds nothing", () => {
    const row = { ...withCallbackUrl("APPLY_CONNECT", [])[0]!, id: "row-1", label: "Operator's label" };
    expect(withCallbackUrl("APPLY_CONNECT", [row])).toEqual([row]);
  });
});
