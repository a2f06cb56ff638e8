// The vendor API's shapes (issue #6). Requests are validated with these schemas and the OpenAPI
// document is generated from the very same objects (openapi.ts), so the two can not drift. Pure.
import { JobStatus } from "@/lib/db/enums";
import { z } from "zod";
import { BUNDLED_INTEGRATION_TYPES, ENUM_NAME } from "@/lib/integrations/types";
import { applicationKeysSchema, customerCreateSchema, customerUpdateSchema } from "@/lib/customers/schemas";
import { DEFAULT_PAGE_SIZE, MAX_API_PAGE_SIZE } from "@/lib/pagination/page";
import { listPageSchema } from "./list";

export { applicationKeysSchema, customerCreateSchema, customerUpdateSchema };

const dateTime = z.iso.datetime();
const nullableDateTime = dateTime.nullable();

// ── path and query parameters ──

export const customerIdParamsSchema = z.object({
  customerId: z
    .string()
    .min(1)
    .max(64)
    .meta({ description: "Onramp's id of the customer (the `id` field of a customer)." }),
});

const cursorParam = z
  .string()
  .max(500)
  .optional()
  .meta({ description: "`nextCursor` of the previous page; leave out for the first page." });

const pageParam = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, "must be 1 or more")
  .default(1);

export const customerListQuerySchema = z.object({
  search: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: "Part of the name, the vendor's customer id or the API key." }),
  foreignId: z
    .string()
    .trim()
    .max(255)
    .optional()
    .meta({ description: "Exactly this vendor customer id (at most one result)." }),
  archived: z.enum(["active", "archived", "all"]).default("active").meta({ description: "Which customers to list." }),
  page: pageParam.meta({ description: "1-based page number; `cursor` instead reads the page after the last one." }),
  pageSize: z.coerce
    .number({ error: "must be a whole number" })
    .int()
    .min(1)
    .max(MAX_API_PAGE_SIZE, `must be at most ${MAX_API_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  cursor: cursorParam,
});

export const integrationListQuerySchema = z.object({
  customerId: z.string().max(64).optional(),
  foreignId: z.string().max(255).optional().meta({ description: "The vendor's customer id instead of Onramp's." }),
  // L12: types Onramp does not know yet are stored too, so any enum-like name filters.
  integrationType: z.string().regex(ENUM_NAME, "must be an integration type such as ONE_CLICK_EXPORT").optional(),
  tenantType: z.string().regex(ENUM_NAME, "must be a tenant type such as RECRUITER").optional(),
  onboardingStatus: z.enum(["REQUESTED", "PARTNER_READY", "ENABLED"]).optional(),
  updatedSince: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z" })
    .optional()
    .meta({
      description:
        "Only integrations changed at or after this instant: for incremental reads, pass the `updatedAt` of the last item you saw, or the time of your last full read.",
    }),
  cursor: cursorParam,
  limit: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(200, "must be at most 200").default(50),
});

// ── responses ──

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({
        description: "bad_request, unauthorized, forbidden, not_found, conflict, unprocessable, rate_limited, …",
      }),
      message: z.string(),
      fieldErrors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: "Messages per request field." }),
    }),
  })
  .meta({ id: "Error" });

export const applicationSchema = z
  .object({
    clientId: z.string().meta({ description: "LinkedIn API key (client id). The secret is never returned (C3)." }),
    origin: z.enum(["PROVISIONED", "MANUAL"]),
    works: z.boolean().nullable().meta({
      description: "true when LinkedIn last accepted the keys, false when it refused them, null when not yet checked.",
    }),
    lastVerifiedAt: nullableDateTime,
    lastAuthError: z.string().nullable(),
    updatedAt: dateTime,
  })
  .meta({ id: "Application" });

export const customerSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    foreignId: z.string(),
    offeredIntegrationTypes: z.array(z.enum(BUNDLED_INTEGRATION_TYPES)),
    archived: z.boolean(),
    integrationCount: z.number().int(),
    linkedInEasyApply: z
      .object({
        enabled: z.boolean().meta({
          description:
            "Apply Connect's account-level LinkedIn Easy Apply toggle (L30), set by the customer's admins; on by default. Apply it to the customer's job postings.",
        }),
        changedAt: dateTime
          .nullable()
          .meta({ description: "When an admin last changed it; null: never (the default holds)." }),
      })
      .meta({ id: "LinkedInEasyApply" }),
    application: applicationSchema.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Customer" });

export const customerPageSchema = listPageSchema(customerSchema, { legacyItems: true })
  .extend({
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    pageCount: z.number().int(),
  })
  .meta({ id: "CustomerPage" });

export const provisioningJobSchema = z
  .object({
    jobId: z.string(),
    status: z.enum(JobStatus),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z
      .string()
      .nullable()
      .meta({ description: "LinkedIn's refusal in plain words, e.g. a conflict on uniqueForeignId." }),
    createdAt: dateTime,
    finishedAt: nullableDateTime,
  })
  .meta({ id: "ProvisioningJob" });

export const applicationStateSchema = z
  .object({ application: applicationSchema.nullable(), provisioning: provisioningJobSchema.nullable() })
  .meta({ id: "ApplicationState" });

export const provisioningAcceptedSchema = z
  .object({ jobId: z.string(), message: z.string() })
  .meta({ id: "ProvisioningAccepted" });

export const callbackUrlSchema = z
  .object({
    callbackUrl: z.url().meta({ description: "This customer's own push notification URL (C21)." }),
    rotatedAt: nullableDateTime,
  })
  .meta({ id: "CallbackUrl" });

export const integrationSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerForeignId: z.string(),
    integrationContext: z.string(),
    integrationType: z.string(),
    tenantType: z.string(),
    name: z.string(),
    onboardingStatus: z.enum(["REQUESTED", "PARTNER_READY", "ENABLED"]),
    statusChangedAt: dateTime,
    statusSource: z.enum(["WIDGET", "PUSH", "POLL", "RECHECK", "MANUAL"]),
    nameSyncState: z.enum(["PENDING", "SYNCING", "SYNCED", "FAILED"]),
    configSyncState: z.enum(["PENDING", "SYNCING", "SYNCED", "FAILED"]),
    updatedAt: dateTime,
  })
  .meta({ id: "Integration" });

export const integrationPageSchema = listPageSchema(integrationSchema, { legacyItems: true }).meta({
  id: "IntegrationPage",
});

export type CustomerBody = z.infer<typeof customerSchema>;
export type ApplicationBody = z.infer<typeof applicationSchema>;
export type IntegrationBody = z.infer<typeof integrationSchema>;
