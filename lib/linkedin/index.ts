import "server-only";

export { type EntityOutcome, NO_RESULT_RETURNED, type TupleStatus } from "./batch-results";
export { inBatches, MAX_RECORDS_PER_CALL } from "./batching";
export {
  assertWithinDailyBudget,
  type CallsToday,
  callsToday,
  type DailyBudget,
  dailyBudget,
  type EndpointCallsToday,
  recordLinkedInCall,
} from "./call-count";
// The LinkedIn client's public API (docs/LINKEDIN.md). Pure helpers (compound keys, schemas, errors,
// secret contexts) are also importable from their own files without server-only.
export {
  CompoundKeyError,
  compoundKey,
  compoundKeyPathSegment,
  DATA_PROVIDER,
  type IntegrationTuple,
  idsQuery,
  integrationTuple,
  parseCompoundKey,
  sameTuple,
  tryParseCompoundKey,
  tupleId,
} from "./compound-key";
export { DATA_PROVIDER_BY_TYPE, DATA_PROVIDERS, type DataProvider, dataProviderFor } from "./data-provider";
export {
  type ConfigurationResults,
  deleteIntegrationConfigurations,
  writeIntegrationConfigurations,
} from "./configurations";
export {
  activeHold,
  activeHoldsOf,
  type DailyHold,
  type DailyLimitDetection,
  dailyLimitDetection,
  heldUntilWords,
  holdResourceOf,
  holdUntilMidnight,
} from "./daily-hold";
export { ENDPOINTS, endpointsSharingLimit, type LinkedInEndpoint, limitedResourceOf } from "./endpoints";
export { isLinkedInError, LinkedInError, type LinkedInErrorKind } from "./errors";
export { type BearerAuth, type LinkedInRequest, linkedInRequest } from "./http";
export { type IntegrationNameItem, type NameSyncResult, syncIntegrationNames } from "./integration-names";
export { lookupExportedCandidates, type ExportedCandidate } from "./exported-candidates";
export { claimSendSlot, type SendSlot, withSendSlot } from "./pacing";
export {
  type FoundApplication,
  findProvisionedApplication,
  type ProvisionApplicationInput,
  type ProvisionedApplication,
  provisionApplication,
  rollApplicationSecret,
  setApplicationDomains,
} from "./provisioning";
export { applicationNameProblems, MAX_APPLICATION_NAME_CHARS, provisionedApplicationName } from "./provisioning-name";
export { type LinkedInOnboardingStatus, onboardingStatusSchema } from "./schemas";
export {
  customerAppPendingSecretContext,
  customerAppPreviousSecretContext,
  customerAppSecretContext,
  customerAppTokenContext,
  keyImportRowSecretContext,
} from "./secret-contexts";
export { type IntegrationStatus, lookupStatusByRequest, lookupStatusByTuples } from "./status-lookup";
export {
  applicationAuth,
  checkApplicationKeys,
  type CredentialCheck,
  clearApplicationToken,
  getApplicationToken,
  type LinkedInApplicationRef,
  verifyApplicationCredentials,
} from "./token";
