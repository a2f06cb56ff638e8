// L10: the configuration plugin's extension URL, in one of LinkedIn's two published forms. Pure.

/** The docs' form, below the platform host (DOCS customer-configuration). */
export const DOCS_EXTENSION_PATH = "/rsc/extensions/onboarding-widget";
/** LinkedIn's sample page's form (PM-RSC sample-applications/ats-integration-configuration-plugin.html). */
export const SAMPLE_PAGE_EXTENSION_URL = "https://www.linkedin.com/recruiter/widget/ATSIntegration";

/** LINKEDIN_WIDGET_EXTENSION_URL when set, else the docs' form under LINKEDIN_PLATFORM_URL. */
export function widgetExtensionUrl(e: {
  LINKEDIN_PLATFORM_URL: string;
  LINKEDIN_WIDGET_EXTENSION_URL: string;
}): string {
  return (e.LINKEDIN_WIDGET_EXTENSION_URL || `${e.LINKEDIN_PLATFORM_URL}${DOCS_EXTENSION_PATH}`).replace(/\/+$/, "");
}

/** The text body of the in.js tag (C4): the customer application's API key and the extension (L10). */
export function inJsBody(apiKey: string, extensionUrl: string): string {
  return `api_key: ${apiKey}\nextensions: ATSIntegrationWidget@${extensionUrl}`;
}
