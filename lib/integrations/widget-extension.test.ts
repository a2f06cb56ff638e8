// L10: the extension URL in the in.js tag, in either of LinkedIn's published forms; the docs' form by default.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./widget-csp";
import { inJsBody, SAMPLE_PAGE_EXTENSION_URL, widgetExtensionUrl } from "./widget-extension";

describe("the plugin's extension URL (L10)", () => {
  it("defaults to the docs' form under the platform host", () => {
    const url = widgetExtensionUrl({
      LINKEDIN_PLATFORM_URL: "https://platform.linkedin.com",
      LINKEDIN_WIDGET_EXTENSION_URL: "",
    });
    expect(url).toBe("https://platform.linkedin.com/rsc/extensions/onboarding-widget");
    expect(inJsBody("78abc", url)).toBe(
      "api_key: 78abc\nextensions: ATSIntegrationWidget@https://platform.linkedin.com/rsc/extensions/onboarding-widget",
    );
  });

  it("takes the sample page's form when set, and the CSP allows its host", () => {
    const url = widgetExtensionUrl({
      LINKEDIN_PLATFORM_URL: "https://platform.linkedin.com",
      LINKEDIN_WIDGET_EXTENSION_URL: `${SAMPLE_PAGE_EXTENSION_URL}/`,
    });
    expect(url).toBe("https://www.linkedin.com/recruiter/widget/ATSIntegration");
    expect(inJsBody("78abc", url)).toContain(
      "ATSIntegrationWidget@https://www.linkedin.com/recruiter/widget/ATSIntegration",
    );
    const csp = contentSecurityPolicy({
      nonce: "n",
      linkedInUrls: ["https://platform.linkedin.com", url],
      development: false,
    });
    expect(csp).toMatch(/script-src [^;]*https:\/\/www\.linkedin\.com/);
  });
});
