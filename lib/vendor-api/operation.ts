// The shape of one /api/v1 operation (issue #6): what the route builder (route.ts) validates with and the
// OpenAPI document (openapi.ts) describes. Pure.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-tokens/scopes";

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
  /** Deprecated query parameter names still read, old → current (issue 21 point 4; until the next release). */
  queryAliases?: Readonly<Record<string, string>>;
  body?: z.ZodType;
  /** Most bytes its body may have (413 over it, issue 20 item 6); REQUEST_MAX_BODY_BYTES when not set. */
  maxBodyBytes?: number;
  /**
   * A POST's Idempotency-Key retry answers the first answer again, kept sealed (idempotency.ts); "refused" for an
   * answer Onramp must not keep (a single-use sign-in link, kept only as a hash): such a retry answers 409.
   */
  idempotentReplay?: "refused";
  /** Status of a successful answer and its body. */
  success: { status: 200 | 201 | 202; description: string; schema: z.ZodType };
  /** Error statuses this operation may answer besides 400/401/403/429 (common to all). */
  errors: (404 | 409 | 422 | 502 | 503)[];
};
