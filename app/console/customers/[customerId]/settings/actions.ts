"use server";
// A customer's language and look (issue 25): the language its admins' pages and emails use unless a person chose
// theirs, and its overrides of the vendor's look. Operators only; each change is audited by its lib function.
import { revalidatePath } from "next/cache";
import { withAction } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { updateCustomerBranding } from "@/lib/branding/branding";
import { customerBrandingSchema } from "@/lib/branding/schemas";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { setCustomerDefaultLocale } from "@/lib/i18n/preferences";
import { customerLocaleSchema } from "@/lib/i18n/schemas";

const settingsPath = (customerId: string) => `/console/customers/${customerId}/settings`;

export const setCustomerLocaleAction = withAction(
  OPERATOR_ONLY,
  customerLocaleSchema,
  async (actor, { customerId, defaultLocale }) => {
    await setCustomerDefaultLocale(actor, customerId, defaultLocale);
    revalidatePath(settingsPath(customerId));
    return {
      ok: true,
      message: defaultLocale
        ? `Saved: ${LOCALE_NAMES[defaultLocale]} unless an admin chose another language.`
        : "Saved: each admin's browser language.",
    };
  },
);

export const updateCustomerBrandingAction = withAction(OPERATOR_ONLY, customerBrandingSchema, async (actor, input) => {
  await updateCustomerBranding(actor, input);
  revalidatePath(settingsPath(input.customerId));
  return { ok: true, message: "Saved this customer's look." };
});
