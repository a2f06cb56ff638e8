// The OpenAPI document (issue #6) covers every route under app/api/v1 and is generated from the very
// schemas that validate the requests.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { customerCreateSchema } from "@/lib/customers/schemas";
import { buildOpenApiDocument } from "./openapi";
import { OPERATIONS } from "./operations";

const API_DIR = path.join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every (method, OpenAPI path) that a route file under app/api/v1 exports. */
function routesOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts") {
        const rel = path.relative(API_DIR, dir).split(path.sep).filter(Boolean);
        const apiPath = `/${rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
        if (apiPath === "/openapi.json") continue;
        const source = readFileSync(full, "utf8");
        for (const m of METHODS)
          if (new RegExp(`export (const|async function|function) ${m}\\b`).test(source)) out.push(`${m} ${apiPath}`);
      }
    }
  };
  walk(API_DIR);
  return out.sort();
}

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters: { name: string; in: string; required: boolean; deprecated?: boolean }[];
        requestBody?: { content: Record<string, { schema: unknown }> };
        responses: Record<string, unknown>;
        security: unknown;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

describe("/api/v1/openapi.json", () => {
  // Read as a client reads it: the JSON the route serves.
  const doc: Doc = JSON.parse(JSON.stringify(buildOpenApiDocument()));
  const documented = Object.entries(doc.paths)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();

  it("documents exactly the routes that exist", () => {
    expect(routesOnDisk().length).toBeGreaterThanOrEqual(9);
    expect(documented).toEqual(routesOnDisk());
  });

  it("every route file builds its handlers from an operation entry", () => {
    const ops = Object.values(OPERATIONS)
      .map((o) => `${o.method} ${o.path}`)
      .sort();
    expect(ops).toEqual(routesOnDisk());
  });

  it("request bodies are the validating zod schemas, converted", () => {
    const body = doc.paths["/customers"]?.post?.requestBody?.content["application/json"]?.schema as {
      required: string[];
      properties: Record<string, unknown>;
    };
    const direct = z.toJSONSchema(customerCreateSchema, { io: "input" }) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(body.required.sort()).toEqual(["displayName", "foreignId", "offeredIntegrationTypes"]);
    expect(body.properties).toEqual(direct.properties);
  });

  it("lists parameters, security scopes, error answers and resolvable component references", () => {
    const list = doc.paths["/integrations"]?.get;
    expect(list?.parameters.map((p) => p.name)).toEqual([
      "customerId",
      "foreignId",
      "integrationType",
      "tenantType",
      "onboardingStatus",
      "updatedSince",
      "cursor",
      "limit",
    ]);
    expect(list?.parameters.every((p) => p.in === "query" && p.required === false)).toBe(true);
    const getOne = doc.paths["/customers/{customerId}"]?.get;
    expect(getOne?.parameters).toEqual([expect.objectContaining({ name: "customerId", in: "path", required: true })]);
    expect(Object.keys(getOne?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "429"]),
    );
    expect(getOne?.security).toEqual([{ bearerToken: ["customers:read"] }]);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined();
    // The secret is write-only (C3): no response schema has a field for it.
    const responses = JSON.stringify(
      Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.responses)),
    );
    expect(responses).not.toMatch(/clientSecret/);
    expect(JSON.stringify(doc.components.schemas)).not.toMatch(/clientSecret/);
  });

  it("documents one list envelope, the deprecated old names, and Idempotency-Key on every POST (issue 21 point 4)", () => {
    type Properties = { properties?: Record<string, { deprecated?: boolean }> };
    const answerOf = (path: string): Properties => {
      const ok = doc.paths[path]?.get?.responses["200"] as { content: Record<string, { schema: unknown }> } | undefined;
      const schema = (ok?.content["application/json"]?.schema ?? {}) as Properties & { $ref?: string };
      const ref = schema.$ref?.replace("#/components/schemas/", "");
      return (ref ? doc.components.schemas[ref] : schema) as Properties;
    };
    for (const path of ["/customers", "/integrations", "/events", "/webhook-endpoints"])
      expect(Object.keys(answerOf(path).properties ?? {}), path).toEqual(
        expect.arrayContaining(["data", "nextCursor"]),
      );
    for (const path of ["/customers", "/integrations"]) expect(answerOf(path).properties?.items?.deprecated).toBe(true);
    const feed = doc.paths["/events"]?.get?.parameters ?? [];
    expect(feed.find((p) => p.name === "after")).toMatchObject({ in: "query", deprecated: true });
    expect(feed.find((p) => p.name === "cursor")?.deprecated).toBeUndefined();
    const posts = Object.values(doc.paths).flatMap((ops) => (ops.post ? [ops.post] : []));
    expect(posts.length).toBeGreaterThanOrEqual(7);
    for (const post of posts) {
      expect(post.parameters, post.operationId).toContainEqual(
        expect.objectContaining({ name: "Idempotency-Key", in: "header", required: false }),
      );
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["409", "422"]));
    }
  });
});
