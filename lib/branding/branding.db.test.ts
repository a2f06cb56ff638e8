// The vendor's look and a customer's overrides (issue 25 point 2), with the customer's default language (point 1):
// what operators save is what pages and emails use, each change audited, the logo by its bytes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readerLocale } from "@/lib/i18n/locale";
import { setCustomerDefaultLocale, setPersonLocale } from "@/lib/i18n/preferences";
import { brandingFor, updateCustomerBranding, updateVendorBranding } from "./branding";
import { customerBrandingSchema, vendorBrandingSchema } from "./schemas";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
let actor: Actor;
let customerId: string;

beforeAll(async () => {
  const u = await db.user.create({
    data: { email: `op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  actor = { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
  const run = randomUUID();
  const c = await db.customer.create({
    data: { displayName: "Brand Co", foreignId: `brand-${run}`, offeredIntegrationTypes: [], callbackKey: `cb-${run}` },
  });
  customerId = c.id;
});
afterAll(disconnectDb);

describe("a customer's look", () => {
  it("overrides the vendor's field by field, keeps the logo until replaced or removed, and audits without it", async () => {
    const vendor = await brandingFor(null);
    await updateCustomerBranding(
      actor,
      customerBrandingSchema.parse({
        customerId,
        primaryColor: "#FBFBF2",
        logo: new File([PNG], "logo.png", { type: "image/png" }),
      }),
    );
    let look = await brandingFor(customerId);
    expect(look).toMatchObject({ displayName: vendor.displayName, primaryColor: "#fbfbf2", textColor: "#000000" });
    expect(look.logo).toMatch(/^data:image\/png;base64,/);

    await updateCustomerBranding(actor, customerBrandingSchema.parse({ customerId, displayName: "Acme" }));
    look = await brandingFor(customerId);
    expect(look).toMatchObject({ displayName: "Acme", primaryColor: vendor.primaryColor });
    expect(look.logo).toMatch(/^data:image\/png;base64,/);

    await updateCustomerBranding(actor, customerBrandingSchema.parse({ customerId, removeLogo: "on" }));
    expect((await brandingFor(customerId)).logo).toBe(vendor.logo);

    const audits = await db.auditLog.findMany({
      where: { customerId, action: "branding.customer_updated" },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => (a.details as { logoChanged: boolean }).logoChanged)).toEqual([true, false, true]);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain("base64");
  });

  it("refuses a file that is not a picture, naming the field", async () => {
    const input = customerBrandingSchema.parse({
      customerId,
      logo: new File(["<svg/>"], "logo.svg", { type: "image/svg+xml" }),
    });
    await expect(updateCustomerBranding(actor, input)).rejects.toMatchObject({
      fieldErrors: { logo: [expect.stringMatching(/PNG, JPEG, GIF or WebP/)] },
    });
  });
});

describe("the vendor's look", () => {
  it("is saved and audited; without it the environment's vendor name and Onramp's blue", async () => {
    // The name stays the environment's: other test files read it in email subjects.
    await updateVendorBranding(
      actor,
      vendorBrandingSchema.parse({
        displayName: env().LINKEDIN_VENDOR_NAME,
        primaryColor: "#0b0b1e",
        supportContact: "help@vendor.test",
      }),
    );
    expect(await brandingFor(null)).toMatchObject({ primaryColor: "#0b0b1e", textColor: "#ffffff" });
    expect(await db.auditLog.count({ where: { action: "branding.vendor_updated", actorId: actor.userId } })).toBe(1);
    await db.setting.delete({ where: { key: "vendorBranding" } });
    expect(await brandingFor(null)).toMatchObject({ displayName: env().LINKEDIN_VENDOR_NAME, primaryColor: "#1d4ed8" });
  });
});

describe("a customer admin's language", () => {
  it("is their choice, else the customer's default, else the browser's", async () => {
    const u = await db.user.create({
      data: { email: `adm-${randomUUID()}@brand.test`, role: "CUSTOMER_ADMIN", customerId, passwordHash: "x" },
    });
    const reader = { userId: u.id, role: "CUSTOMER_ADMIN" };
    expect(await readerLocale(reader, "ja")).toBe("ja");
    await setCustomerDefaultLocale(actor, customerId, "fr");
    expect(await readerLocale(reader, "ja")).toBe("fr");
    await setPersonLocale({ ...actor, userId: u.id, role: "CUSTOMER_ADMIN", customerId }, "de");
    expect(await readerLocale(reader, "ja")).toBe("de");
    expect(await readerLocale({ userId: actor.userId, role: "OPERATOR" }, "ja")).toBe("en");
    expect(await db.auditLog.count({ where: { customerId, action: "customer.default_locale" } })).toBe(1);
  });
});
