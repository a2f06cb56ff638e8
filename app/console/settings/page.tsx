import type { Metadata } from "next";
import { StreamedSection } from "@/components/layout/streamed-section";
import { requirePageActor } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { VendorLookSection } from "./look-section";
import {
  ApiTokensSection,
  ConfigurationKeysSection,
  LinkedInApiSection,
  OnboardingSettingsSection,
} from "./settings-sections";

export const metadata: Metadata = { title: "Settings" };

// Issue 21 (point 1): the frame is sent at once and each section streams in behind its own Suspense boundary.
export default async function SettingsPage() {
  await requirePageActor(OPERATOR_ONLY, "/console/settings");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <StreamedSection id="config" title="Configuration keys per integration type">
        <ConfigurationKeysSection />
      </StreamedSection>
      <StreamedSection id="tokens" title="API tokens">
        <ApiTokensSection />
      </StreamedSection>
      <StreamedSection id="tuning" title="Onboarding settings">
        <OnboardingSettingsSection />
      </StreamedSection>
      <StreamedSection id="linkedin-api" title="LinkedIn API">
        <LinkedInApiSection />
      </StreamedSection>
      <StreamedSection id="look" title="Your look for customer admins">
        <VendorLookSection />
      </StreamedSection>
    </div>
  );
}
