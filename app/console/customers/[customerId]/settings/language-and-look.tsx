// A customer's language and look (issue 25): the default language of its admins' pages and emails, and its
// overrides of the vendor's look. Streams in behind its own Suspense boundary (issue 21 point 1).
import { BrandingForm } from "@/components/console/branding-form";
import { CustomerLocaleForm } from "@/components/console/customer-locale-form";
import { Section } from "@/components/ui/section";
import { customerLookSettings, vendorBranding } from "@/lib/branding/branding";
import { isLocale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setCustomerLocaleAction, updateCustomerBrandingAction } from "./actions";

export async function LanguageAndLookSection({ customerId }: { customerId: string }) {
  const [vendor, customer] = await Promise.all([vendorBranding(), customerLookSettings(customerId)]);
  return (
    <Section
      id="language-and-look"
      title="Language and look"
      description="The language this customer's admins get unless they choose their own, and this customer's changes to your look."
      card
    >
      <CustomerLocaleForm
        action={setCustomerLocaleAction}
        customerId={customerId}
        current={isLocale(customer.defaultLocale) ? customer.defaultLocale : ""}
        choices={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
      />
      <div className="mt-4 border-t border-slate-200 pt-4">
        <BrandingForm
          action={updateCustomerBrandingAction}
          customerId={customerId}
          inherited={{ displayName: vendor.displayName, primaryColor: vendor.primaryColor }}
          values={{
            displayName: customer.brandDisplayName,
            primaryColor: customer.brandPrimaryColor,
            supportContact: customer.brandSupportContact,
            hasLogo: customer.brandLogo !== null,
          }}
        />
      </div>
    </Section>
  );
}
