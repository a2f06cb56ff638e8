// Every operation of /api/v1 (issue #6), with the schemas its handler validates with and answers in.
// Route files build their handlers from these entries (route.ts) and the OpenAPI document lists them
// (openapi.ts): a route can not exist without its documentation. Pure.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-tokens/scopes";
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
  tag: "Customers" | "Integrations";
  scope: ApiScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
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
    description: "foreignId is the vendor's own id (LinkedIn uniqueForeignId) and must be unique. An RSC type must be offered (C6).",
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
    description: "Queues a job that creates the application through LinkedIn's Provisioning API (C1). Follow it with getApplication.",
    tag: "Customers",
    scope: "customers:write",
    params: customerIdParamsSchema,
    success: { status: 202, description: "The provisioning job was queued (or one is already under way).", schema: provisioningAcceptedSchema },
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
} as const satisfies Record<string, ApiOperation>;

export type OperationName = keyof typeof OPERATIONS;
