// The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas (z.toJSONSchema),
// so the document and the validation are one thing (issue #6). Pure.
import { z } from "zod";
import { API_SCOPES, API_SCOPE_LABELS } from "@/lib/api-tokens/scopes";
import { IDEMPOTENCY_HEADER } from "./idempotency-key";
import { OPERATIONS, type ApiOperation } from "./operations";
import { errorResponseSchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

const COMMON_ERRORS: Record<number, string> = {
  400: "The request is malformed: a query or path parameter is not valid, or the body is not JSON. See error.fieldErrors.",
  401: "No token, or a revoked or unknown one.",
  403: "The token lacks this operation's scope.",
  404: "No such customer.",
  413: "The body is larger than this operation accepts (REQUEST_MAX_BODY_BYTES, 64 KiB unless the vendor set it; key imports 2 MB).",
  409: "Conflicts with existing data, e.g. a foreignId or API key already used by another customer; or a request with the same Idempotency-Key is still running.",
  422: "The body is not valid, or LinkedIn refused the keys, or the Idempotency-Key was used for a different request. See error.fieldErrors.",
  429: "Too many requests with this token; see Retry-After.",
  502: "LinkedIn did not answer usefully.",
  503: "Onramp or LinkedIn is not available right now.",
};

class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const raw = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
    const rewritten = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
    const { $schema: _schema, $defs, ...rest } = rewritten as JsonSchema & { $defs?: Record<string, JsonSchema> };
    void _schema;
    for (const [id, def] of Object.entries($defs ?? {})) this.components[id] ??= def;
    return rest;
  }
}

/** Every POST takes an Idempotency-Key (idempotency.ts). */
function idempotencyKeyParameter(op: ApiOperation): JsonSchema {
  const replay =
    op.idempotentReplay === "refused"
      ? "A retry with the same key answers 409: this answer is shown only once and Onramp does not keep it."
      : "A retry with the same key, path and body within API_IDEMPOTENCY_RETENTION_HOURS (24 h) answers the first answer again, with the header Idempotent-Replayed: true, and does nothing.";
  return {
    name: IDEMPOTENCY_HEADER,
    in: "header",
    required: false,
    description: `Any unique string (e.g. a UUID) per request, so the request can be retried safely. ${replay} The same key with another path or body answers 422; while the first request runs, 409.`,
    schema: { type: "string", minLength: 1, maxLength: 255 },
  };
}

function parametersOf(op: ApiOperation, schemas: SchemaCollector): JsonSchema[] {
  const out: JsonSchema[] = op.method === "POST" ? [idempotencyKeyParameter(op)] : [];
  for (const [where, obj] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!obj) continue;
    for (const [name, field] of Object.entries(obj.shape as Record<string, z.ZodType>)) {
      const schema = schemas.convert(field, "input");
      const { description, ...rest } = schema;
      out.push({
        name,
        in: where,
        required: where === "path" || !field.safeParse(undefined).success,
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      });
    }
  }
  for (const [old, current] of Object.entries(op.queryAliases ?? {})) {
    const field = (op.query?.shape as Record<string, z.ZodType> | undefined)?.[current];
    if (!field) continue;
    const { description: _description, ...schema } = schemas.convert(field, "input");
    void _description;
    out.push({
      name: old,
      in: "query",
      required: false,
      deprecated: true,
      description: `Deprecated: the old name of \`${current}\`, read until the next release; answers carry a Deprecation header.`,
      schema,
    });
  }
  return out;
}

function errorStatuses(op: ApiOperation): number[] {
  const keyed = op.method === "POST" ? [409, 422] : [];
  return [...new Set([400, 401, 403, 413, 429, ...keyed, ...op.errors])].sort((a, b) => a - b);
}

export function buildOpenApiDocument(serverUrl = "/api/v1"): JsonSchema {
  const schemas = new SchemaCollector();
  const errorRef = schemas.convert(errorResponseSchema, "output");
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of Object.values(OPERATIONS) as ApiOperation[]) {
    const responses: Record<string, JsonSchema> = {
      [String(op.success.status)]: {
        description: op.success.description,
        content: { "application/json": { schema: schemas.convert(op.success.schema, "output") } },
      },
    };
    for (const status of errorStatuses(op)) {
      responses[String(status)] = {
        description: COMMON_ERRORS[status] ?? "Error.",
        content: { "application/json": { schema: errorRef } },
      };
    }
    const pathItem = paths[op.path] ?? {};
    paths[op.path] = pathItem;
    pathItem[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      security: [{ bearerToken: [op.scope] }],
      "x-required-scope": op.scope,
      parameters: parametersOf(op, schemas),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemas.convert(op.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Onramp vendor API",
      version: "1.0.0",
      description:
        "For the ATS vendor's own systems: do what operators do in the console. Authenticate with an API token created in the console (Settings → API tokens): `Authorization: Bearer onr_…`. " +
        `Scopes: ${API_SCOPES.map((s) => `${s} (${API_SCOPE_LABELS[s]})`).join("; ")}. ` +
        "Every list answers `{ data, nextCursor }`: pass nextCursor as `cursor` for the next page (`items` and the event feed's `after` are deprecated old names, kept until the next release). " +
        "Every POST takes an Idempotency-Key header, so a request can be retried safely.",
    },
    servers: [{ url: serverUrl }],
    tags: [{ name: "Customers" }, { name: "Integrations" }, { name: "Events" }, { name: "Webhooks" }],
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "An Onramp API token (onr_…)." } },
      schemas: schemas.components,
    },
  };
}
