// How one operation on integrations is written in each API family (L22–L24): paths, keys, ids, headers and
// endpoint labels. Pure: the choice (api-choice.ts) and the API base come in, the request parts go out.
import { restVersionEntry, type LinkedInApiChoice, type RestVersionEntry } from "./api-versions";
import {
  compoundKey,
  compoundKeyPathSegment,
  type IntegrationTuple,
  idsQuery,
  integrationTuple,
  tryParseCompoundKey,
} from "./compound-key";
import { ENDPOINTS, PATHS } from "./endpoints";
import { decodeKey, encodeKey, encodeList, type RestliKey, RestliSyntaxError } from "./restli2";

export interface IntegrationsDialect {
  choice: LinkedInApiChoice;
  /** Headers of every call to the integration resources (L23, L24). */
  headers: Record<string, string>;
  integrationsUrl: string;
  /** The query naming `tuples` (C10, C19b on v2; `ids=List(…)` on rest). */
  idsParam(tuples: readonly IntegrationTuple[]): string;
  /** The key of one integration in a request body (C11; L24's key on rest). */
  entityKey(tuple: IntegrationTuple): string;
  /** URL of one integration's configurations naming `keys` (L15 on v2; ASSUMPTION on rest, api-versions.ts). */
  configurationsUrl(tuple: IntegrationTuple, keys: readonly string[]): string;
  /** The body key of one configuration key of `tuple`. */
  configurationBodyKey(tuple: IntegrationTuple, key: string): string;
  /** The configuration key an answer key names (null when it names none). */
  configurationKeyOf(answerKey: string): string | null;
  statusField: string;
  endpoints: {
    names: string;
    lookupByRequest: string;
    lookupByIds: string;
    writeConfigurations: string;
    deleteConfigurations: string;
  };
}

function restKey(tuple: IntegrationTuple): RestliKey {
  return {
    integrationContext: tuple.integrationContext,
    integrationType: tuple.integrationType,
    tenantType: tuple.tenantType,
  };
}

function v2Dialect(choice: LinkedInApiChoice, api: string): IntegrationsDialect {
  return {
    choice,
    headers: {},
    integrationsUrl: `${api}${PATHS.atsIntegrations}`,
    idsParam: idsQuery,
    entityKey: compoundKey,
    configurationsUrl: (tuple, keys) => {
      const ids = keys.map((k) => `ids=${encodeURIComponent(k)}`).join("&");
      return `${api}${PATHS.atsIntegrations}/${compoundKeyPathSegment(tuple)}/configurations${ids ? `?${ids}` : ""}`;
    },
    configurationBodyKey: (_tuple, key) => key,
    configurationKeyOf: (answerKey) => answerKey,
    statusField: "onboardingStatus",
    endpoints: {
      names: ENDPOINTS.syncIntegrationNames,
      lookupByRequest: ENDPOINTS.lookupByRequest,
      lookupByIds: ENDPOINTS.lookupByIds,
      writeConfigurations: ENDPOINTS.writeConfigurations,
      deleteConfigurations: ENDPOINTS.deleteConfigurations,
    },
  };
}

function restDialect(choice: LinkedInApiChoice, api: string, v: RestVersionEntry): IntegrationsDialect {
  const configKey = (tuple: IntegrationTuple, key: string): RestliKey => ({
    ...restKey(tuple),
    [v.configurationKeyField]: key,
  });
  return {
    choice,
    headers: { "linkedin-version": choice.version, "x-restli-protocol-version": "2.0.0" },
    integrationsUrl: `${api}${v.integrationsPath}`,
    idsParam: (tuples) => `ids=${encodeList(tuples.map(restKey), "url")}`,
    entityKey: (tuple) => encodeKey(restKey(tuple), "body"),
    configurationsUrl: (tuple, keys) =>
      `${api}${v.configurationsPath}?ids=${encodeList(
        keys.map((k) => configKey(tuple, k)),
        "url",
      )}`,
    configurationBodyKey: (tuple, key) => encodeKey(configKey(tuple, key), "body"),
    configurationKeyOf: (answerKey) => {
      try {
        return decodeKey(answerKey)[v.configurationKeyField] ?? null;
      } catch (e) {
        if (e instanceof RestliSyntaxError) return null;
        throw e;
      }
    },
    statusField: v.statusField,
    endpoints: {
      names: ENDPOINTS.restSyncIntegrationNames,
      lookupByRequest: ENDPOINTS.restLookupByRequest,
      lookupByIds: ENDPOINTS.restLookupByIds,
      writeConfigurations: ENDPOINTS.restWriteConfigurations,
      deleteConfigurations: ENDPOINTS.restDeleteConfigurations,
    },
  };
}

export function integrationsDialect(choice: LinkedInApiChoice, apiUrl: string): IntegrationsDialect {
  return choice.family === "rest"
    ? restDialect(choice, apiUrl, restVersionEntry(choice.version))
    : v2Dialect(choice, apiUrl);
}

/**
 * The tuple an answer key names, in either syntax (C14 on v2, L25 on rest: parts in any order, encoded or
 * not); undefined for a key naming no integration. On rest `dataProvider` is absent (L22), ATS when present.
 */
export function tupleOfAnswerKey(key: string): IntegrationTuple | undefined {
  if (!key.startsWith("(")) return tryParseCompoundKey(key);
  let parts: RestliKey;
  try {
    parts = decodeKey(key);
  } catch (e) {
    if (e instanceof RestliSyntaxError) return undefined;
    throw e;
  }
  const { integrationContext, integrationType, tenantType, dataProvider, ...rest } = parts;
  if (!integrationContext || !integrationType || !tenantType || Object.keys(rest).length > 0) return undefined;
  if (dataProvider !== undefined && dataProvider !== "ATS") return undefined;
  return integrationTuple({ integrationContext, integrationType, tenantType });
}
