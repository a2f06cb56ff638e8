// Every operation of /api/v1 (issue #6), with the schemas its handler validates with and answers in.
// Route files build their handlers from these entries (route.ts) and the OpenAPI document lists them
// (openapi.ts): a route can not exist without its documentation. Pure.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-tokens/scopes";
import {
  keyImportParamsSchema,
  keyImportQuerySchema,
  keyImportRequestSchema,
  keyImportSchema,
  MAX_IMPORT_BODY_BYTES,
  MAX_IMPORT_ROWS,
} from "@/lib/customers/key-import-schemas";
import {
  adminLinkCreateSchema,
  adminLinkSchema,
  endpointIdParamsSchema,
  eventFeedQuerySchema,
  eventPageSchema,
  linkedInTokenSchema,
  webhookDeletedSchema,
  webhookDeliveryListSchema,
  webhookEndpointCreateSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointUpdateSchema,
  webhookEndpointWithSecretSchema,
  webhookReplayAcceptedSchema,
  webhookReplaySchema,
  webhookTestAcceptedSchema,
} from "./ats-schemas";
import {
  applicationKeysSchema,
  applicationSchema,
  applicationStateSchema,
  callbackUrlSchema,
  customerCreateSchema,
  customerIdParamsSchema,
  customerListQuerySchema,
  customerPageSchema,
  customerSchema,
  customerUpdateSchema,
  integrationListQuerySchema,
  integrationPageSchema,
  provisioningAcceptedSchema,
} from "./schemas";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiOperation = {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path under /api/v1, with {param} segments. */
  path: string;
  summary: string;
  description?: string;
  tag: "Customers" | "Integrations" | "Events" | "Webhooks";
  scope: ApiScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Most bytes its body may have (413 over it, issue 20 item 6); REQUEST_MAX_BODY_BYTES when not set. */
  maxBodyBytes?: number;
  /** Status of a successful answer and its body. */
  success: { status: 200 | 201 | 202; description: string; schema: z.ZodType };
  /** Error statuses this operation may answer besides 400/401/403/429 (common to all). */
  errors: (404 | 409 | 422 | 502 | 503)[];
};

export const OPERATIONS = {
  listCustomers: {
    operationId: "listCustomers",
    method: "GET",
    path: "/customers",
    summary: "List customers",
    description: "Paginated by page number, sorted by name.",
    tag: "Customers",
    scope: "customers:read",
    query: customerListQuerySchema,
    success: { status: 200, description: "A page of customers.", schema: customerPageSchema },
    errors: [],
  },
  createCustomer: {
    operationId: "createCustomer",
    method: "POST",
    path: "/customers",
    summary: "Create a customer",
    description:
      "foreignId is the vendor's own id (LinkedIn uniqueForeignId) and must be unique. An RSC type must be offered (C6).",
    tag: "Customers",
    scope: "customers:write",
    body: customerCreateSchema,
    success: { status: 201, description: "The created customer.", schema: customerSchema },
    errors: [409, 422],
  },
  getCustomer: {
    operationId: "getCustomer",
    method: "GET",
    path: "/customers/{customerId}",
    summary: "Read a customer",
    tag: "Customers",
    scope: "customers:read",
    params: customerIdParamsSchema,
    success: { status: 200, description: "The customer.", schema: customerSchema },
    errors: [404],
  },
  updateCustomer: {
    operationId: "updateCustomer",
    method: "PATCH",
    path: "/customers/{customerId}",
    summary: "Update a customer",
    description: "Only the fields sent change. `archived: true` archives the customer.",
    tag: "Customers",
    scope: "customers:write",
    params: customerIdParamsSchema,
    body: customerUpdateSchema,
    success: { status: 200, description: "The updated customer.", schema: customerSchema },
    errors: [404, 409, 422],
  },
  getApplication: {
    operationId: "getApplication",
    method: "GET",
    path: "/customers/{customerId}/application",
    summary: "Read a customer's LinkedIn application state",
    description: "The API key, whether the keys work, and the latest provisioning job. Never the secret (C3).",
    tag: "Customers",
    scope: "customers:read",
    params: customerIdParamsSchema,
    success: { status: 200, description: "The application and provisioning state.", schema: applicationStateSchema },
    errors: [404],
  },
  setApplicationKeys: {
    operationId: "setApplicationKeys",
    method: "PUT",
    path: "/customers/{customerId}/application",
    summary: "Set a customer's application keys",
    description:
      "For customers whose LinkedIn application already exists (C1). The keys are checked with LinkedIn at once (a token request); refused keys answer 422 and change nothing.",
    tag: "Customers",
    scope: "customers:write",
    params: customerIdParamsSchema,
    body: applicationKeysSchema,
    success: { status: 200, description: "The keys work and are stored.", schema: applicationSchema },
    errors: [404, 409, 422],
  },
  requestProvisioning: {
    operationId: "requestProvisioning",
    method: "POST",
    path: "/customers/{customerId}/application/provisioning",
    summary: "Ask Onramp to provision the customer's LinkedIn application",
    description:
      "Queues a job that creates the application through LinkedIn's Provisioning API (C1). Follow it with getApplication.",
    tag: "Customers",
    scope: "customers:write",
    params: customerIdParamsSchema,
    success: {
      status: 202,
      description: "The provisioning job was queued (or one is already under way).",
      schema: provisioningAcceptedSchema,
    },
    errors: [404, 409],
  },
  getCallbackUrl: {
    operationId: "getCallbackUrl",
    method: "GET",
    path: "/customers/{customerId}/callback-url",
    summary: "Read a customer's callback URL",
    tag: "Customers",
    scope: "customers:read",
    params: customerIdParamsSchema,
    success: { status: 200, description: "The callback URL (C21).", schema: callbackUrlSchema },
    errors: [404],
  },
  listIntegrations: {
    operationId: "listIntegrations",
    method: "GET",
    path: "/integrations",
    summary: "List integrations with their onboarding statuses",
    description: "Sorted by updatedAt, then id; paginated by cursor. Use updatedSince for incremental reads.",
    tag: "Integrations",
    scope: "integrations:read",
    query: integrationListQuerySchema,
    success: { status: 200, description: "A page of integrations.", schema: integrationPageSchema },
    errors: [404],
  },
  // ── bulk import of existing keys (C1, L21, issue 10 item 7) ──
  createKeyImport: {
    operationId: "createKeyImport",
    method: "POST",
    path: "/key-imports",
    summary: "Import existing customers' LinkedIn keys in bulk",
    description: `Up to ${MAX_IMPORT_ROWS} rows, the columns of the console's CSV. Each row is checked on its own: a bad row or one that repeats an earlier row's customer id or API key is refused at once; every other row is checked with LinkedIn (a token request, paced) by a job and then stored (a new customer, or keys for an existing customer that has none) or refused with its reason. The same customer id, API key and secret already stored come back UNCHANGED, so sending the same rows again changes nothing. Follow the import with getKeyImport. Secrets are write-only (C3).`,
    tag: "Customers",
    scope: "customers:write",
    body: keyImportRequestSchema,
    maxBodyBytes: MAX_IMPORT_BODY_BYTES,
    success: {
      status: 202,
      description: "The rows are stored and their check is queued; bad and duplicate rows already have their outcome.",
      schema: keyImportSchema,
    },
    errors: [422],
  },
  getKeyImport: {
    operationId: "getKeyImport",
    method: "GET",
    path: "/key-imports/{importId}",
    summary: "Read a bulk import's progress and each row's outcome",
    description: "Counts per outcome and a page of rows (100 per page, in file order; filter with status).",
    tag: "Customers",
    scope: "customers:read",
    params: keyImportParamsSchema,
    query: keyImportQuerySchema,
    success: { status: 200, description: "The import and a page of its rows.", schema: keyImportSchema },
    errors: [404],
  },
  // ── the vendor's ATS side (issue 12) ──
  getLinkedInToken: {
    operationId: "getLinkedInToken",
    method: "GET",
    path: "/customers/{customerId}/linkedin-token",
    summary: "Get a customer's current LinkedIn access token",
    description:
      "From Onramp's cache, renewed ahead of expiry (a renewal is counted in the application's daily budget, C26/L17). Every read is audited. The client secret never leaves Onramp. 409 when the customer has no application or LinkedIn refuses its keys.",
    tag: "Customers",
    scope: "linkedin-tokens:read",
    params: customerIdParamsSchema,
    success: { status: 200, description: "A current token and its expiry.", schema: linkedInTokenSchema },
    errors: [404, 409, 502, 503],
  },
  createAdminLink: {
    operationId: "createAdminLink",
    method: "POST",
    path: "/customers/{customerId}/admin-links",
    summary: "Mint a single-use sign-in link for a customer admin",
    description:
      "The link works once, for ADMIN_LINK_TTL_MINUTES minutes, signs that person in as the customer's admin (creating the account on first use) and lands on the integrations page. The answer is the same for every email: a link for an email that belongs to another account (another customer's, vendor staff, or a disabled one) is minted but refuses to sign in, and the refusal is in the customer's audit log.",
    tag: "Customers",
    scope: "admin-links:create",
    params: customerIdParamsSchema,
    body: adminLinkCreateSchema,
    success: {
      status: 201,
      description: "The link. Hand it to the person; Onramp keeps only its hash.",
      schema: adminLinkSchema,
    },
    errors: [404, 409, 422],
  },
  listEvents: {
    operationId: "listEvents",
    method: "GET",
    path: "/events",
    summary: "Read the event feed",
    description:
      "Events in order, paged by cursor, with the same payloads webhooks carry. An event shows once every transaction older than it has finished, so a cursor never skips one that commits late.",
    tag: "Events",
    scope: "events:read",
    query: eventFeedQuerySchema,
    success: { status: 200, description: "A page of events.", schema: eventPageSchema },
    errors: [],
  },
  listWebhookEndpoints: {
    operationId: "listWebhookEndpoints",
    method: "GET",
    path: "/webhook-endpoints",
    summary: "List webhook endpoints",
    tag: "Webhooks",
    scope: "webhooks:manage",
    success: { status: 200, description: "Every endpoint, oldest first.", schema: webhookEndpointListSchema },
    errors: [],
  },
  createWebhookEndpoint: {
    operationId: "createWebhookEndpoint",
    method: "POST",
    path: "/webhook-endpoints",
    summary: "Register a webhook endpoint",
    description:
      "https (http only to localhost). Events are signed in the Standard Webhooks format with the secret answered here once.",
    tag: "Webhooks",
    scope: "webhooks:manage",
    body: webhookEndpointCreateSchema,
    success: {
      status: 201,
      description: "The endpoint and its signing secret.",
      schema: webhookEndpointWithSecretSchema,
    },
    errors: [422],
  },
  getWebhookEndpoint: {
    operationId: "getWebhookEndpoint",
    method: "GET",
    path: "/webhook-endpoints/{endpointId}",
    summary: "Read a webhook endpoint",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: endpointIdParamsSchema,
    success: { status: 200, description: "The endpoint.", schema: webhookEndpointSchema },
    errors: [404],
  },
  updateWebhookEndpoint: {
    operationId: "updateWebhookEndpoint",
    method: "PATCH",
    path: "/webhook-endpoints/{endpointId}",
    summary: "Change a webhook endpoint, or enable / disable it",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: endpointIdParamsSchema,
    body: webhookEndpointUpdateSchema,
    success: { status: 200, description: "The endpoint.", schema: webhookEndpointSchema },
    errors: [404, 422],
  },
  deleteWebhookEndpoint: {
    operationId: "deleteWebhookEndpoint",
    method: "DELETE",
    path: "/webhook-endpoints/{endpointId}",
    summary: "Delete a webhook endpoint and its delivery log",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: endpointIdParamsSchema,
    success: { status: 200, description: "Deleted. The events stay in the feed.", schema: webhookDeletedSchema },
    errors: [404],
  },
  rotateWebhookSecret: {
    operationId: "rotateWebhookSecret",
    method: "POST",
    path: "/webhook-endpoints/{endpointId}/secret",
    summary: "Rotate an endpoint's signing secret",
    description: "For 24 hours deliveries carry signatures with both the new and the previous secret.",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: endpointIdParamsSchema,
    success: {
      status: 200,
      description: "The endpoint and its new secret, shown only here.",
      schema: webhookEndpointWithSecretSchema,
    },
    errors: [404],
  },
  listWebhookDeliveries: {
    operationId: "listWebhookDeliveries",
    method: "GET",
    path: "/webhook-endpoints/{endpointId}/deliveries",
    summary: "An endpoint's latest deliveries and their attempts",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: endpointIdParamsSchema,
    success: {
      status: 200,
      description:
        "Newest first, at most 50, each with its latest attempts (status, latency, the first 500 bytes of the answer).",
      schema: webhookDeliveryListSchema,
    },
    errors: [404],
  },
  replayWebhookEvents: {
    operationId: "replayWebhookEvents",
    method: "POST",
    path: "/webhook-endpoints/{endpointId}/replay",
    summary: "Send one event, or every event of a time range, again",
    description:
      "`{ eventId }` or `{ from, to }`. A replay carries the event's own webhook-id. One replay sends at most WEBHOOK_REPLAY_MAX_EVENTS events (1,000 unless the vendor set it; a larger range answers 422), and an endpoint has at most that many replayed events waiting at once (409 until they have gone out). A replayed One-Click Export carries the resolution made the first time, without asking LinkedIn again.",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: endpointIdParamsSchema,
    body: webhookReplaySchema,
    success: { status: 202, description: "The deliveries were queued.", schema: webhookReplayAcceptedSchema },
    errors: [404, 409, 422],
  },
  sendWebhookTest: {
    operationId: "sendWebhookTest",
    method: "POST",
    path: "/webhook-endpoints/{endpointId}/test",
    summary: "Send a test event (type webhook.test) to one endpoint",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: endpointIdParamsSchema,
    success: { status: 202, description: "The test delivery was queued.", schema: webhookTestAcceptedSchema },
    errors: [404],
  },
} as const satisfies Record<string, ApiOperation>;

export type OperationName = keyof typeof OPERATIONS;
