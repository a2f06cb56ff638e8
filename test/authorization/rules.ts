// Who may reach each page, route handler and server action (issue 20, point 4): ONE entry per entry point,
// keyed as test/authorization/enumerate.ts names them. An entry point with no rule fails the matrix, so a new
// page, route or action can not ship without someone deciding who may use it.
import type { ApiScope } from "@/lib/api-tokens/scopes";
import type { JobKind } from "@/lib/db/enums";
import type { Fixtures, Person } from "./callers";

export type Rule =
  | {
      /** "public": everyone, signed in or not. Otherwise the people who get through. */
      who: "public" | readonly Person[];
      /** A route about one customer: another customer's admin is answered 404, which is a refusal here. */
      customerScoped?: true;
      /** The action's form, when the refusal of another customer's admin needs real ids to show. */
      input?: (fx: Fixtures) => Record<string, string>;
      /** The action asks for this job by itself: its people must be the job table's (lib/jobs/permissions.ts). */
      startsJob?: JobKind;
    }
  | { /** A vendor API route: only a token holding this scope. */ api: ApiScope; startsJob?: JobKind };

const ANYONE_SIGNED_IN: readonly Person[] = ["own admin", "foreign admin", "support", "operator"];
const CUSTOMER_ADMINS: readonly Person[] = ["own admin", "foreign admin"];
const STAFF: readonly Person[] = ["support", "operator"];
const OPERATOR: readonly Person[] = ["operator"];
const PUBLIC = { who: "public" } as const;

/** The same rule for every listed action of one actions.ts. */
function actions(file: string, rule: Rule, names: string[]): Record<string, Rule> {
  return Object.fromEntries(names.map((n) => [`${file} ${n}`, rule]));
}

const V1 = "app/api/v1";

export const RULES: Record<string, Rule> = {
  // ── pages and layouts ──
  "app/layout.tsx": PUBLIC,
  "app/page.tsx": { who: ANYONE_SIGNED_IN }, // sends each person to their home, the signed out to sign-in
  "app/sign-in/page.tsx": PUBLIC,
  "app/link-not-valid/page.tsx": PUBLIC,
  "app/admin-link/[token]/page.tsx": PUBLIC, // the single-use link is the credential
  "app/invite/[token]/page.tsx": PUBLIC, // the invitation link is the credential
  "app/unsubscribe/[key]/page.tsx": PUBLIC, // the key opts one address out of one kind of email
  "app/integrations/layout.tsx": { who: CUSTOMER_ADMINS },
  "app/integrations/page.tsx": { who: CUSTOMER_ADMINS }, // always the session's own customer
  "app/console/layout.tsx": { who: STAFF },
  "app/console/page.tsx": { who: STAFF },
  "app/console/audit/page.tsx": { who: STAFF },
  "app/console/issues/page.tsx": { who: STAFF },
  "app/console/webhooks/page.tsx": { who: STAFF },
  "app/console/customers/page.tsx": { who: STAFF },
  "app/console/customers/[customerId]/page.tsx": { who: STAFF },
  "app/console/customers/[customerId]/timeline/page.tsx": { who: STAFF },
  "app/console/customers/import/[importId]/page.tsx": { who: STAFF },
  "app/console/customers/[customerId]/settings/page.tsx": { who: OPERATOR },
  "app/console/customers/new/page.tsx": { who: OPERATOR },
  "app/console/customers/import/page.tsx": { who: OPERATOR },
  "app/console/people/page.tsx": { who: OPERATOR },
  "app/console/settings/page.tsx": { who: OPERATOR },

  // ── route handlers outside the vendor API ──
  "app/api/auth/[...nextauth]/route.ts GET": PUBLIC, // next-auth's own endpoints
  "app/api/auth/[...nextauth]/route.ts POST": PUBLIC,
  "app/api/health/route.ts GET": PUBLIC,
  "app/api/metrics/route.ts GET": { who: [] }, // the METRICS_TOKEN bearer only (lib/metrics/access.ts)
  "app/api/linkedin/callback/[callbackKey]/route.ts POST": PUBLIC, // LinkedIn, checked by signature (C20–C23)
  "app/api/email/unsubscribe/[key]/route.ts POST": PUBLIC,
  "app/api/console/integrations/export/route.ts GET": { who: STAFF },
  "app/api/console/key-imports/[importId]/route.ts GET": { who: STAFF },
  "app/api/customers/[customerId]/integrations/route.ts GET": {
    who: ["own admin", ...STAFF],
    customerScoped: true,
  },

  // ── the vendor API: tokens only, by scope ──
  [`${V1}/openapi.json/route.ts GET`]: PUBLIC,
  [`${V1}/customers/route.ts GET`]: { api: "customers:read" },
  [`${V1}/customers/route.ts POST`]: { api: "customers:write" },
  [`${V1}/customers/[customerId]/route.ts GET`]: { api: "customers:read" },
  [`${V1}/customers/[customerId]/route.ts PATCH`]: { api: "customers:write" },
  [`${V1}/customers/[customerId]/application/route.ts GET`]: { api: "customers:read" },
  [`${V1}/customers/[customerId]/application/route.ts PUT`]: { api: "customers:write" },
  [`${V1}/customers/[customerId]/application/provisioning/route.ts POST`]: {
    api: "customers:write",
    startsJob: "PROVISION_APPLICATION",
  },
  [`${V1}/customers/[customerId]/callback-url/route.ts GET`]: { api: "customers:read" },
  [`${V1}/customers/[customerId]/linkedin-token/route.ts GET`]: { api: "linkedin-tokens:read" },
  [`${V1}/customers/[customerId]/admin-links/route.ts POST`]: { api: "admin-links:create" },
  [`${V1}/integrations/route.ts GET`]: { api: "integrations:read" },
  [`${V1}/events/route.ts GET`]: { api: "events:read" },
  [`${V1}/key-imports/route.ts POST`]: { api: "customers:write", startsJob: "IMPORT_APPLICATION_KEYS" },
  [`${V1}/key-imports/[importId]/route.ts GET`]: { api: "customers:read" },
  [`${V1}/webhook-endpoints/route.ts GET`]: { api: "webhooks:manage" },
  [`${V1}/webhook-endpoints/route.ts POST`]: { api: "webhooks:manage" },
  [`${V1}/webhook-endpoints/[endpointId]/route.ts GET`]: { api: "webhooks:manage" },
  [`${V1}/webhook-endpoints/[endpointId]/route.ts PATCH`]: { api: "webhooks:manage" },
  [`${V1}/webhook-endpoints/[endpointId]/route.ts DELETE`]: { api: "webhooks:manage" },
  [`${V1}/webhook-endpoints/[endpointId]/secret/route.ts POST`]: { api: "webhooks:manage" },
  [`${V1}/webhook-endpoints/[endpointId]/deliveries/route.ts GET`]: { api: "webhooks:manage" },
  [`${V1}/webhook-endpoints/[endpointId]/replay/route.ts POST`]: { api: "webhooks:manage" },
  [`${V1}/webhook-endpoints/[endpointId]/test/route.ts POST`]: { api: "webhooks:manage" },

  // ── server actions ──
  "app/invite/[token]/actions.ts acceptInvitationAction": PUBLIC, // the invitation link is the credential
  ...actions("app/integrations/actions.ts", { who: CUSTOMER_ADMINS }, ["authorizeWidgetIntegrations"]),
  // The person's own language (issue 25): about nobody but the caller.
  "app/integrations/actions.ts setLanguageAction": { who: CUSTOMER_ADMINS, input: () => ({ locale: "de" }) },
  // Issue 22: the admin's page reports LinkedIn's script for a visit the server opened for that same person.
  "app/integrations/actions.ts reportLinkedInScriptAction": { who: CUSTOMER_ADMINS },
  // L30: the admin's own customer's Easy Apply toggle (the customer is the session's, never the input's).
  "app/integrations/actions.ts setEasyApplyAction": { who: CUSTOMER_ADMINS },
  "app/integrations/actions.ts checkStatusNowAction": { who: CUSTOMER_ADMINS, startsJob: "POLL_STATUS" },
  // Another customer's integration answers "No such integration.": the same name, so nothing is queued.
  "app/integrations/actions.ts renameIntegrationAction": {
    who: ["own admin"],
    input: (fx) => ({ integrationId: fx.integrationId, name: "Matrix integration" }),
  },
  "app/integrations/actions.ts editConfigurationAction": {
    who: ["own admin"],
    input: (fx) => ({ integrationId: fx.integrationId }),
  },
  "app/console/actions.ts recheckIntegrationAction": { who: STAFF, startsJob: "RECHECK_STATUS" },
  "app/console/actions.ts retryNotificationAction": { who: STAFF, startsJob: "PROCESS_NOTIFICATION" },
  "app/console/actions.ts replayNotificationAction": { who: STAFF, startsJob: "PROCESS_NOTIFICATION" },
  "app/console/actions.ts triggerPollAction": { who: STAFF, startsJob: "POLL_STATUS" },
  // Which kinds each role may retry is the job table's: test/authorization/jobs.test.ts.
  ...actions("app/console/actions.ts", { who: STAFF }, ["retryJobAction", "resolveAnomalyAction"]),
  "app/console/customers/[customerId]/actions.ts resendEmailAction": { who: STAFF },
  "app/console/customers/[customerId]/actions.ts setEmailNudgesAction": { who: OPERATOR },
  ...actions("app/console/customers/actions.ts", { who: OPERATOR }, [
    "createCustomerAction",
    "updateCustomerAction",
    "setArchivedAction",
    "setApplicationKeysAction",
    "rotateCallbackKeyAction",
    "setAccessControlsAction",
    "rotateSecretAction",
    "retirePreviousSecretAction",
  ]),
  "app/console/customers/actions.ts requestProvisioningAction": { who: OPERATOR, startsJob: "PROVISION_APPLICATION" },
  "app/console/customers/actions.ts resyncConfigurationsAction": { who: OPERATOR, startsJob: "SYNC_CONFIGURATIONS" },
  "app/console/customers/actions.ts requestDomainsSyncAction": { who: OPERATOR, startsJob: "SYNC_APP_DOMAINS" },
  "app/console/customers/import/actions.ts startKeyImportAction": {
    who: OPERATOR,
    startsJob: "IMPORT_APPLICATION_KEYS",
  },
  "app/console/issues/actions.ts requestBulkRotationAction": { who: OPERATOR, startsJob: "ROTATE_SECRETS" },
  "app/console/issues/actions.ts detachHeldByTwoAction": { who: STAFF },
  "app/console/issues/actions.ts snoozeIssueAction": { who: STAFF },
  "app/console/issues/actions.ts resolveIssueAction": { who: STAFF },
  "app/console/issues/actions.ts reopenIssueAction": { who: STAFF },
  "app/console/issues/actions.ts emailIssueAction": { who: STAFF },
  ...actions("app/console/people/actions.ts", { who: OPERATOR }, [
    "inviteAction",
    "revokeInvitationAction",
    "setUserDisabledAction",
  ]),
  ...actions("app/console/settings/actions.ts", { who: OPERATOR }, [
    "createConfigurationKeyAction",
    "updateConfigurationKeyAction",
    "deleteConfigurationKeyAction",
    "createApiTokenAction",
    "revokeApiTokenAction",
    "updateSettingAction",
    "updateVendorBrandingAction",
    // Issue 23: which LinkedIn API family and version every call speaks.
    "updateLinkedInApiAction",
  ]),
  ...actions("app/console/customers/[customerId]/settings/actions.ts", { who: OPERATOR }, [
    "setCustomerLocaleAction",
    "updateCustomerBrandingAction",
  ]),
  ...actions("app/console/webhooks/actions.ts", { who: OPERATOR }, [
    "createWebhookEndpointAction",
    "updateWebhookEndpointAction",
    "rotateWebhookSecretAction",
    "setWebhookEnabledAction",
    "deleteWebhookEndpointAction",
  ]),
  ...actions("app/console/webhooks/actions.ts", { who: STAFF }, [
    "sendWebhookTestAction",
    "replayWebhookEventAction",
    "replayWebhookRangeAction",
  ]),
};
