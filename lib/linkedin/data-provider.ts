// The dataProvider part of an integration's key (C12, L28), per integration type. Pure: data, no I/O.
// C12: RSC and Apply tuples are keyed with dataProvider ATS. L28: for Talent CRM Connect tuples it is *unknown*
// (CRM data endpoints use PARTNER), so both values are accepted wherever LinkedIn hands a key back, and what
// Onramp sends for each type is this table.

export const DATA_PROVIDERS = ["ATS", "PARTNER"] as const;
export type DataProvider = (typeof DATA_PROVIDERS)[number];

export function isDataProvider(value: string): value is DataProvider {
  return (DATA_PROVIDERS as readonly string[]).includes(value);
}

/**
 * What Onramp writes for each type; a type not listed is ATS (C12). ASSUMPTION (L28): the CRM types are ATS as
 * well, since they onboard through the same plugin and atsIntegrations; change the entry to PARTNER if LinkedIn
 * says so (stored integrations keep the value they were created with).
 */
export const DATA_PROVIDER_BY_TYPE: Readonly<Record<string, DataProvider>> = {
  CRM_CSA_API: "ATS",
  CRM_ONE_CLICK_EXPORT: "ATS",
  IN_CRM_INDICATOR: "ATS",
};

export function dataProviderFor(integrationType: string): DataProvider {
  return DATA_PROVIDER_BY_TYPE[integrationType] ?? "ATS";
}
