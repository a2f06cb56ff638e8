// The vendor's look (issue 25 point 2): display name, logo, primary colour and support contact that customer admins
// see on their page, the sign-in link pages and their emails. Streams in like the other sections (issue 21 point 1).
import { BrandingForm } from "@/components/console/branding-form";
import { Section } from "@/components/ui/section";
import { vendorBranding } from "@/lib/branding/branding";
import { updateVendorBrandingAction } from "./actions";

export async function VendorLookSection() {
  const look = await vendorBranding();
  return (
    <Section
      id="look"
      title="Your look for customer admins"
      description="Customer admins see your name, logo and colour on their integrations page, on sign-in and invitation pages and in their emails. Each customer's settings page can override them."
      card
    >
      <BrandingForm
        action={updateVendorBrandingAction}
        values={{
          displayName: look.displayName,
          primaryColor: look.primaryColor,
          supportContact: look.supportContact,
          hasLogo: look.logo !== null,
        }}
      />
    </Section>
  );
}
