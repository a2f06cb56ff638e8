import { describe, expect, it } from "vitest";
import type { ConfigurationKeyRequirement } from "@/lib/db/generated/client";
import { describeKeyRefusal, desiredValue, keysFor } from "./config-plan";

const epoch = new Date(0);
const row = (key: string, over: Partial<ConfigurationKeyRequirement> = {}): ConfigurationKeyRequirement => ({
  id: key,
  integrationType: "ONE_CLICK_EXPORT",
  key,
  label: key,
  description: null,
  valueSource: "DEFAULT",
  defaultValue: "ALL_PRODUCT_USERS",
  customerEditable: false,
  onlyWithoutAccessControls: false,
  createdAt: epoch,
  updatedAt: epoch,
  ...over,
});

// L14, RSC-104: the key table decides; the viewers keys go only to customers without ATS access controls.
describe("the keys of one integration (L14, C16)", () => {
  const table = [
    row("CALLBACK_URL", { valueSource: "CALLBACK_URL", defaultValue: null }),
    row("JOB_POSTING_VIEWERS", { onlyWithoutAccessControls: true }),
  ];

  it("sends the customer's own callback URL and ALL_PRODUCT_USERS when the customer uses no ACLs", () => {
    expect(keysFor(table, false).map((r) => r.key)).toEqual(["CALLBACK_URL", "JOB_POSTING_VIEWERS"]);
    expect(desiredValue(table[0]!, "ignored", "https://onramp.example/api/linkedin/callback/k")).toBe(
      "https://onramp.example/api/linkedin/callback/k",
    );
    expect(desiredValue(table[1]!, undefined, "x")).toBe("ALL_PRODUCT_USERS");
  });

  it("leaves the viewers keys out for a customer with ACLs", () => {
    expect(keysFor(table, true).map((r) => r.key)).toEqual(["CALLBACK_URL"]);
  });

  it("words a refused key with LinkedIn's words and the action that fixes it", () => {
    const text = describeKeyRefusal("APPLICATION_VIEWERS", "ONE_CLICK_EXPORT", '"Unknown configuration key"');
    expect(text).toMatch(/^LinkedIn refused APPLICATION_VIEWERS on ONE_CLICK_EXPORT: "Unknown configuration key"\./);
    expect(text).toMatch(/edits the configuration key table for ONE_CLICK_EXPORT.*Re-send settings to LinkedIn/);
  });
});
