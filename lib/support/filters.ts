// What the support console filters by (issue #6), parsed from the URL's search params. Pure: the
// overview page, the CSV export route and tests read the same schema, so the export is exactly the list
// on screen.
import { z } from "zod";
import type { OnboardingStatus as OnboardingStatusValue } from "@/lib/db/enums";
import { OnboardingStatus } from "@/lib/db/enums";
import { pageNumber } from "@/lib/pagination/page-number";

export const ERROR_STATES = ["with", "without"] as const;
export type ErrorState = (typeof ERROR_STATES)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined))
    .catch(undefined);

export const integrationFilterSchema = z.object({
  /** Customer: part of the display name, or the exact vendor customer id or Onramp id. */
  customer: optionalText(200),
  /** integrationType as stored (C6/C15 vocabulary); unknown values simply match nothing. */
  type: optionalText(64),
  status: z.enum(OnboardingStatus).optional().catch(undefined),
  /** "with": a failed name/configuration sync or keys LinkedIn refuses; "without": none of these. */
  errors: z.enum(ERROR_STATES).optional().catch(undefined),
});
/** Every key optional: callers (pages, export, tests, bench) name only what they filter by. */
export type IntegrationFilter = {
  customer?: string;
  type?: string;
  status?: OnboardingStatusValue;
  errors?: ErrorState;
};

export const overviewParamsSchema = integrationFilterSchema.extend({ page: pageNumber, changesPage: pageNumber });
export type OverviewParams = z.infer<typeof overviewParamsSchema>;

export type SearchParams = Record<string, string | string[] | undefined>;

/** First value of each param: a repeated param never changes which rows are shown. */
export function firstValues(params: SearchParams | URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(params)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}

export function parseOverviewParams(params: SearchParams | URLSearchParams): OverviewParams {
  return overviewParamsSchema.parse(firstValues(params));
}

/** The filter as query string entries, for links that keep it (pagination, export). */
export function filterQuery(filter: IntegrationFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.customer) out.customer = filter.customer;
  if (filter.type) out.type = filter.type;
  if (filter.status) out.status = filter.status;
  if (filter.errors) out.errors = filter.errors;
  return out;
}

export function hasIntegrationFilter(filter: IntegrationFilter): boolean {
  return Boolean(filter.type || filter.status || filter.errors);
}

export const auditParamsSchema = z.object({
  customer: optionalText(200),
  actor: optionalText(200),
  action: optionalText(100),
  /** ISO date (YYYY-MM-DD), inclusive, UTC. */
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: pageNumber,
});
export type AuditParams = z.infer<typeof auditParamsSchema>;

export function parseAuditParams(params: SearchParams | URLSearchParams): AuditParams {
  return auditParamsSchema.parse(firstValues(params));
}
