import "server-only";
// The LinkedIn client's public API (docs/LINKEDIN.md). Pure helpers (compound keys, schemas, errors,
// secret contexts) are also importable from their own files without server-only.
export {
  DATA_PROVIDER,
  CompoundKeyError,
  compoundKey,
  compoundKeyPathSegment,
  idsQuery,
  integrationTuple,
  parseCompoundKey,
  parseIdsQuery,
  sameTuple,
  tryParseCompoundKey,
  tupleId,
  type IntegrationTuple,
} from "./compound-key";
export { MAX_RECORDS_PER_CALL, inBatches } from "./batching";
export { NO_RESULT_RETURNED, type EntityOutcome, type TupleStatus } from "./batch-results";
export { ENDPOINTS, endpointsSharingLimit, limitedResourceOf, type LinkedInEndpoint } from "./endpoints";
export { LinkedInError, isLinkedInError, type LinkedInErrorKind } from "./errors";
export { customerAppPreviousSecretContext, customerAppSecretContext, customerAppTokenContext } from "./secret-contexts";
export { onboardingStatusSchema, type LinkedInOnboardingStatus } from "./schemas";
export { linkedInRequest, type BearerAuth, type LinkedInRequest } from "./http";
export {
  assertWithinDailyBudget,
  callsToday,
  dailyBudget,
  recordLinkedInCall,
  type CallsToday,
  type DailyBudget,
  type EndpointCallsToday,
} from "./call-count";
export { claimSendSlot, withSendSlot, type SendSlot } from "./pacing";
export {
  applicationAuth,
  clearApplicationToken,
  getApplicationToken,
  verifyApplicationCredentials,
  type CredentialCheck,
  type LinkedInApplicationRef,
} from "./token";
export {
  findProvisionedApplication,
  provisionApplication,
  rollApplicationSecret,
  setApplicationDomains,
  type FoundApplication,
  type ProvisionApplicationInput,
  type ProvisionedApplication,
} from "./provisioning";
export { applicationNameProblems, provisionedApplicationName, MAX_APPLICATION_NAME_CHARS } from "./provisioning-name";
export { syncIntegrationNames, type IntegrationNameItem, type NameSyncResult } from "./integration-names";
export {
  deleteIntegrationConfigurations,
  writeIntegrationConfigurations,
  type ConfigurationResults,
} from "./configurations";
export { lookupStatusByRequest, lookupStatusByTuples, type IntegrationStatus } from "./status-lookup";
