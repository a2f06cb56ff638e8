import "server-only";
// The vendor's look on the customer admin's pages and emails (issue 25 point 2): the vendor's record (the Setting
// "vendorBranding"), each field overridable per customer. Operators change it; every change is audited, the logo
// only as "changed" (a data: URL is no reading for the log).
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { textColourOn } from "./contrast";
import { isLogoDataUrl, logoDataUrl } from "./logo";
import type { CustomerBrandingInput, VendorBrandingInput } from "./schemas";

const KEY = "vendorBranding";
/** Onramp's own blue (Tailwind blue-700) until an operator sets the vendor's. */
export const DEFAULT_PRIMARY = "#1d4ed8";

const storedSchema = z.object({
  displayName: z.string(),
  primaryColor: z.string(),
  supportContact: z.string().nullable(),
  logo: z.string().nullable(),
});
type Stored = z.infer<typeof storedSchema>;

/** The look a page or email uses; textColor is black or white, whichever contrasts more with primaryColor. */
export type Branding = Stored & { textColor: string };

export async function vendorBranding(): Promise<Stored> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const parsed = row ? storedSchema.safeParse(row.value) : null;
  if (parsed?.success) return parsed.data;
  return { displayName: env().LINKEDIN_VENDOR_NAME, primaryColor: DEFAULT_PRIMARY, supportContact: null, logo: null };
}

function withText(b: Stored): Branding {
  return { ...b, logo: isLogoDataUrl(b.logo) ? b.logo : null, textColor: textColourOn(b.primaryColor) };
}

/** The vendor's look with this customer's overrides; the vendor's alone without a customer. */
export async function brandingFor(customerId: string | null): Promise<Branding> {
  const vendor = await vendorBranding();
  if (!customerId) return withText(vendor);
  const c = await db.customer.findUnique({
    where: { id: customerId },
    select: { brandDisplayName: true, brandLogo: true, brandPrimaryColor: true, brandSupportContact: true },
  });
  return withText({
    displayName: c?.brandDisplayName ?? vendor.displayName,
    primaryColor: c?.brandPrimaryColor ?? vendor.primaryColor,
    supportContact: c?.brandSupportContact ?? vendor.supportContact,
    logo: c?.brandLogo ?? vendor.logo,
  });
}

/** The uploaded file as a data: URL, or a field error. */
async function uploadedLogo(file: File | null): Promise<string | null> {
  if (!file) return null;
  const result = logoDataUrl(new Uint8Array(await file.arrayBuffer()));
  if (!result.ok) throw new SafeError("unprocessable", "Check the logo.", { logo: [result.error] });
  return result.dataUrl;
}

export async function updateVendorBranding(actor: Actor, input: VendorBrandingInput): Promise<void> {
  const uploaded = await uploadedLogo(input.logo);
  await db.$transaction(async (tx) => {
    const before = await vendorBranding();
    const logo = input.removeLogo ? null : (uploaded ?? before.logo);
    const value: Stored = {
      displayName: input.displayName,
      primaryColor: input.primaryColor,
      supportContact: input.supportContact,
      logo,
    };
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
    await recordAudit(
      actor,
      {
        action: "branding.vendor_updated",
        targetType: "Setting",
        targetId: KEY,
        details: {
          displayName: value.displayName,
          primaryColor: value.primaryColor,
          supportContact: value.supportContact,
          logoChanged: logo !== before.logo,
        },
      },
      tx,
    );
  });
}

export async function updateCustomerBranding(actor: Actor, input: CustomerBrandingInput): Promise<void> {
  const uploaded = await uploadedLogo(input.logo);
  await db.$transaction(async (tx) => {
    const before = await tx.customer.findUnique({ where: { id: input.customerId }, select: { brandLogo: true } });
    if (!before) throw new SafeError("not_found", "No such customer.");
    const brandLogo = input.removeLogo ? null : (uploaded ?? before.brandLogo);
    const data = {
      brandDisplayName: input.displayName,
      brandPrimaryColor: input.primaryColor,
      brandSupportContact: input.supportContact,
      brandLogo,
    };
    await tx.customer.update({ where: { id: input.customerId }, data });
    await recordAudit(
      actor,
      {
        action: "branding.customer_updated",
        targetType: "Customer",
        targetId: input.customerId,
        customerId: input.customerId,
        details: {
          displayName: data.brandDisplayName,
          primaryColor: data.brandPrimaryColor,
          supportContact: data.brandSupportContact,
          logoChanged: brandLogo !== before.brandLogo,
        },
      },
      tx,
    );
  });
}

/** What the customer settings page shows of a customer's language and look (issue 25). */
export async function customerLookSettings(customerId: string) {
  return db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      defaultLocale: true,
      brandDisplayName: true,
      brandPrimaryColor: true,
      brandSupportContact: true,
      brandLogo: true,
    },
  });
}
