// The vendor API's bulk import of existing keys (C1, L21, issue 10 item 7) through its route handlers: the same rows
// as the console's CSV, a 202 with bad rows already refused, each row's outcome once the job ran, 422 for a body of
// the wrong types, scopes enforced, and no secret in any answer (C3).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/key-imports/[importId]/route";
import * as importsRoute from "@/app/api/v1/key-imports/route";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { parentSandboxPerFile } from "@/lib/customers/test-support/parent-sandbox";
import { db } from "@/lib/db/client";
import { jobHandlers } from "@/server/jobs";
import { runOne } from "@/lib/jobs/run";
import { type CallOptions, callRoute, type RouteTable } from "./test-support/call-route";

const ROUTES: RouteTable = [
  [/^\/key-imports$/, importsRoute],
  [/^\/key-imports\/(?<importId>[^/]+)$/, importRoute],
];

const stack = parentSandboxPerFile();
let writer: string;
let reader: string;

const api = (method: string, path: string, opts: CallOptions = {}) => callRoute(ROUTES, writer, method, path, opts);

beforeAll(async () => {
  const token = (name: string, scopes: string[]) =>
    createApiToken(stack.actor, apiTokenCreateSchema.parse({ name, scopes })).then((t) => t.token);
  writer = await token("importer", ["customers:read", "customers:write"]);
  reader = await token("import-reader", ["customers:read"]);
});

describe("POST/GET /api/v1/key-imports", () => {
  it("takes the CSV's rows, refuses bad ones alone, and reports each row's outcome without secrets", async () => {
    const tag = randomUUID().slice(0, 8);
    const good = stack.sandbox.state.putApplication({ kind: "customer", createdBy: "admin" });
    const rows = [
      {
        foreignId: `api-imp-${tag}`,
        displayName: `API import ${tag}`,
        clientId: good.clientId,
        clientSecret: good.clientSecret,
        offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
      },
      { foreignId: `api-imp-bad-${tag}`, displayName: "No keys", offeredIntegrationTypes: "APPLY_CONNECT" },
    ];
    expect((await api("POST", "/key-imports", { token: reader, body: { rows } })).status).toBe(403);

    const created = await api("POST", "/key-imports", { body: { rows } });
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({ state: "RUNNING", rowCount: 2, counts: { pending: 1, refused: 1 } });
    expect(created.text).not.toContain(good.clientSecret);
    const importId = String(created.json.id);
    const jobId = String(created.json.jobId);

    const handler = jobHandlers().IMPORT_APPLICATION_KEYS;
    if (!handler) throw new Error("no handler");
    await runOne(handler, { data: { trackedJobId: jobId }, retryCount: 0, retryLimit: 4 });

    const read = await api("GET", `/key-imports/${importId}`, { token: reader });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ state: "DONE", counts: { imported: 1, refused: 1, pending: 0 } });
    expect(read.text).not.toContain(good.clientSecret);
    const refusedOnly = await api("GET", `/key-imports/${importId}?status=REFUSED`);
    expect(refusedOnly.json.rows).toEqual([
      expect.objectContaining({ line: 2, status: "REFUSED", reason: expect.stringMatching(/Bad row: clientId/) }),
    ]);
    const customer = await db.customer.findUniqueOrThrow({ where: { foreignId: `api-imp-${tag}` } });
    expect(read.json.rows).toContainEqual(
      expect.objectContaining({ line: 1, status: "IMPORTED", customerId: customer.id }),
    );
  });

  it("answers 422 for rows of the wrong types and 404 for an unknown import", async () => {
    const bad = await api("POST", "/key-imports", { body: { rows: [{ clientId: 42 }] } });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.fieldErrors).toHaveProperty(["rows.0.clientId"]);
    expect((await api("POST", "/key-imports", { body: { rows: [] } })).status).toBe(422);
    expect((await api("GET", "/key-imports/nope")).status).toBe(404);
  });
});
