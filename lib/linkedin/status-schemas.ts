// The lookup answers of either family (C19, C19b, L22): on `rest` an element carries no `dataProvider` and its
// status is in the version's status field (api-versions.ts, ASSUMPTION). Both read into the v2 shapes. Pure.
import { z } from "zod";
import {
  idsLookupResponseSchema,
  type IdsLookupResponse,
  onboardingStatusSchema,
  pagingSchema,
  requestLookupResponseSchema,
  type RequestLookupResponse,
  restliErrorSchema,
} from "./schemas";

function withStatus(statusField: string) {
  return <T extends Record<string, unknown>>(el: T, ctx: z.RefinementCtx) => {
    const status = onboardingStatusSchema.safeParse(el[statusField]);
    if (!status.success) {
      ctx.addIssue({ code: "custom", path: [statusField], message: "must be REQUESTED, PARTNER_READY or ENABLED" });
      return z.NEVER;
    }
    return { el, onboardingStatus: status.data };
  };
}

const name = { integrationName: z.string().optional() };

/** The q=request answer of the family whose status field is `statusField` (v2: the seeds' schema). */
export function requestLookupSchemaOf(family: "v2" | "rest", statusField: string): z.ZodType<RequestLookupResponse> {
  if (family === "v2") return requestLookupResponseSchema;
  const element = z
    .looseObject({
      integrationContext: z.string().min(1),
      integrationType: z.string().min(1),
      tenantType: z.string().min(1),
      ...name,
    })
    .transform(withStatus(statusField))
    .transform(({ el, onboardingStatus }) => ({
      dataProvider: "ATS" as const,
      integrationContext: el.integrationContext,
      integrationType: el.integrationType,
      tenantType: el.tenantType,
      onboardingStatus,
      ...(el.integrationName === undefined ? {} : { integrationName: el.integrationName }),
    }));
  return z.object({ elements: z.array(element), paging: pagingSchema });
}

/** The batch_get answer of the family (v2: the seeds' schema); keys are read by batch-results.ts. */
export function idsLookupSchemaOf(family: "v2" | "rest", statusField: string): z.ZodType<IdsLookupResponse> {
  if (family === "v2") return idsLookupResponseSchema;
  const result = z
    .looseObject(name)
    .transform(withStatus(statusField))
    .transform(({ el, onboardingStatus }) => ({
      onboardingStatus,
      ...(el.integrationName === undefined ? {} : { integrationName: el.integrationName }),
    }));
  return z.object({
    errors: z.record(z.string(), restliErrorSchema).default({}),
    results: z.record(z.string(), result).default({}),
    statuses: z.record(z.string(), z.number().int()).default({}),
  });
}
