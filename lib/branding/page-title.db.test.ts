// The customer admin's tab title names the vendor's (or the customer's own) display name, not Onramp (issue 25).
import { afterAll, describe, expect, it } from "vitest";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import { db, disconnectDb } from "@/lib/db/client";
import { brandedTitle } from "./page-title";

afterAll(disconnectDb);

describe("brandedTitle", () => {
  it("ends in the customer's display name where it has one", async () => {
    const c = await createCustomerRow("Title Co");
    await db.customer.update({ where: { id: c.id }, data: { brandDisplayName: "Globex Hiring Portal" } });
    expect(await brandedTitle("Integrations", c.id)).toEqual({ absolute: "Integrations · Globex Hiring Portal" });
  });
});
