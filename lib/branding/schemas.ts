// The vendor's look as operators enter it (issue 25 point 2): once for the vendor, optionally per customer. Pure.
import { z } from "zod";
import { AA_NORMAL_TEXT, contrastRatio, HEX_COLOUR, textColourOn } from "./contrast";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

/** A colour whose black or white text reaches AA; the page picks which (lib/branding/contrast.ts). */
const colour = z
  .string()
  .trim()
  .regex(HEX_COLOUR, "Enter the colour as # and six hexadecimal digits, e.g. #1d4ed8.")
  .transform((v) => v.toLowerCase())
  .refine((v) => contrastRatio(v, textColourOn(v)) >= AA_NORMAL_TEXT, {
    message: "Text on this colour would not reach the 4.5:1 contrast of WCAG AA; choose a lighter or darker colour.",
  });

/** Support contact: an email address or an https address a customer admin can open. */
const supportContact = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters.")
  .refine((v) => v === "" || z.email().safeParse(v).success || /^https:\/\/[^\s]+$/.test(v), {
    message: "Enter an email address or an https:// address.",
  })
  .optional()
  .transform((v) => (v ? v : null));

/** The file input: an empty one (nothing chosen) keeps the current logo. Checked by ./logo.ts. */
const logoFile = z
  .instanceof(File)
  .optional()
  .transform((f) => (f && f.size > 0 ? f : null));

export const vendorBrandingSchema = z.object({
  logo: logoFile,
  displayName: z
    .string()
    .trim()
    .min(1, "Enter the name customer admins know you by.")
    .max(80, "Use at most 80 characters."),
  primaryColor: colour,
  supportContact,
  removeLogo: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type VendorBrandingInput = z.infer<typeof vendorBrandingSchema>;

/** Per customer: each field left empty keeps the vendor's. */
export const customerBrandingSchema = z.object({
  customerId: z.string().min(1),
  logo: logoFile,
  displayName: optionalText(80, "Use at most 80 characters."),
  primaryColor: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(colour.nullable()),
  supportContact,
  removeLogo: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type CustomerBrandingInput = z.infer<typeof customerBrandingSchema>;
