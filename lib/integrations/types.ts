// Integration vocabulary. Pure: importable from client components.
import { z } from "zod";

/** Values of data-supported-bundled-integration-types (C6): what a customer may be offered in the widget. */
export const BUNDLED_INTEGRATION_TYPES = [
  "RECRUITER_SYSTEM_CONNECT_COMPANY",
  "RECRUITER_SYSTEM_CONNECT_CONTRACT",
  "APPLY_CONNECT",
  "APPLY_WITH_LINKEDIN",
] as const;
export const bundledIntegrationTypeSchema = z.enum(BUNDLED_INTEGRATION_TYPES, {
  error: `must be one of ${BUNDLED_INTEGRATION_TYPES.join(", ")}`,
});
export type BundledIntegrationType = z.infer<typeof bundledIntegrationTypeSchema>;

/** RSC is required (C6): every customer is offered at least one RSC bundle. */
export const REQUIRED_BUNDLES: readonly BundledIntegrationType[] = ["RECRUITER_SYSTEM_CONNECT_COMPANY", "RECRUITER_SYSTEM_CONNECT_CONTRACT"];

export const BUNDLED_TYPE_LABELS: Record<BundledIntegrationType, string> = {
  RECRUITER_SYSTEM_CONNECT_COMPANY: "Recruiter System Connect (company)",
  RECRUITER_SYSTEM_CONNECT_CONTRACT: "Recruiter System Connect (contract)",
  APPLY_CONNECT: "Apply Connect",
  APPLY_WITH_LINKEDIN: "Apply with LinkedIn",
};

/**
 * integrationType values that come back in the widget's tuples and the API. The seeds document only
 * ONE_CLICK_EXPORT by example; LinkedIn's "Integration Types" page is not in the seeds, so this list
 * is the known set (C15: not documented here) and lives in one place.
 */
export const INTEGRATION_TYPES = [
  "RECRUITER_SYSTEM_CONNECT",
  "ONE_CLICK_EXPORT",
  "INMAIL_HISTORY_SYNC",
  "APPLY_CONNECT",
  "APPLY_WITH_LINKEDIN",
] as const;
export const integrationTypeSchema = z.enum(INTEGRATION_TYPES, { error: `must be one of ${INTEGRATION_TYPES.join(", ")}` });
export type IntegrationType = z.infer<typeof integrationTypeSchema>;

/** tenantType: the LinkedIn product the integration lives in (RECRUITER in the seed; JOBS for apply flows). */
export const TENANT_TYPES = ["RECRUITER", "JOBS"] as const;
export const tenantTypeSchema = z.enum(TENANT_TYPES, { error: `must be one of ${TENANT_TYPES.join(", ")}` });
export type TenantType = z.infer<typeof tenantTypeSchema>;

/** C12: urn:li:organization:{id} or urn:li:contract:{id}. */
export const integrationContextSchema = z
  .string()
  .regex(/^urn:li:(organization|contract):[A-Za-z0-9_-]{1,64}$/, "must be urn:li:organization:{id} or urn:li:contract:{id}");

/** One tuple as the widget's onintegrate callback hands it over (C7). */
export const widgetTupleSchema = z.object({
  integrationContext: integrationContextSchema,
  integrationType: integrationTypeSchema,
  tenantType: tenantTypeSchema,
});
export type WidgetTuple = z.infer<typeof widgetTupleSchema>;

export const ONBOARDING_STATUS_ORDER = { REQUESTED: 0, PARTNER_READY: 1, ENABLED: 2 } as const;

/** Product words for the default customer-facing name (seed 001's example). */
export const INTEGRATION_PRODUCT_LABELS: Record<TenantType, string> = { RECRUITER: "Recruiter", JOBS: "Jobs" };
export const INTEGRATION_TYPE_LABELS: Record<IntegrationType, string> = {
  RECRUITER_SYSTEM_CONNECT: "Recruiter System Connect",
  ONE_CLICK_EXPORT: "One-Click Export",
  INMAIL_HISTORY_SYNC: "InMail History Sync",
  APPLY_CONNECT: "Apply Connect",
  APPLY_WITH_LINKEDIN: "Apply with LinkedIn",
};

/** "{customer}'s LinkedIn {product} {integration} Integration" (seed 001, C11). */
export function defaultIntegrationName(customerName: string, tenantType: string, integrationType: string): string {
  const product = INTEGRATION_PRODUCT_LABELS[tenantType as TenantType] ?? tenantType;
  const integration = INTEGRATION_TYPE_LABELS[integrationType as IntegrationType] ?? integrationType;
  // "Recruiter System Connect" already names its product: no "Recruiter Recruiter System Connect".
  const words = integration.startsWith(`${product} `) ? integration : `${product} ${integration}`;
  return `${customerName}'s LinkedIn ${words} Integration`;
}
