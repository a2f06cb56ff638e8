// The set-up of the test files that call LinkedIn through a recorded server (test-support/recorded-server.ts)
// with the real Postgres of the test harness: one server per test, pointed at through the environment and
// closed after it, with the variables a test overrode dropped again; and the tuples and answers they share.
import { afterAll, afterEach } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { integrationTuple, parseCompoundKey, type IntegrationTuple, tupleId } from "../compound-key";
import { SEED_IDS_LOOKUP_RESPONSE } from "../fixtures/recorded";
import { lookupStatusByTuples } from "../status-lookup";
import { resetLinkedInEnv, useLinkedInAt } from "./env";
import { json, type ReceivedRequest, type RecordedServer, startRecordedServer } from "./recorded-server";

/** The tuple of LinkedIn's own samples (C10, C19b). */
export const seedTuple = integrationTuple({
  integrationContext: "urn:li:organization:4gX03uw",
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});

/** A tuple of organization `n`. */
export const org = (n: number): IntegrationTuple =>
  integrationTuple({ integrationContext: `urn:li:organization:${n}`, integrationType: "RSC", tenantType: "RECRUITER" });

/** Answers a batch_partial_update the way LinkedIn does: every entity 204, keys reordered and encoded. */
export function answerAll204(req: ReceivedRequest) {
  const body = JSON.parse(req.body) as { entities: Record<string, unknown> };
  const results: Record<string, { status: number }> = {};
  for (const key of Object.keys(body.entities)) {
    const t = parseCompoundKey(key);
    const reordered = `tenantType=${t.tenantType}&dataProvider=ATS&integrationContext=${encodeURIComponent(t.integrationContext)}&integrationType=${t.integrationType}`;
    results[reordered] = { status: 204 };
  }
  return json(200, { errors: {}, results });
}

/**
 * Registers the file's clean-up and answers `serve`: starts a recorded server and points the LinkedIn client at
 * it, with `defaults` and then `extra` as its variables. The server is closed after each test.
 */
export function useRecordedLinkedIn(defaults: Record<string, string> = {}) {
  let server: RecordedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    resetLinkedInEnv();
  });
  afterAll(disconnectDb);
  return async function serve(
    handlers: Parameters<typeof startRecordedServer>[0],
    extra: Record<string, string> = {},
  ): Promise<RecordedServer> {
    server = await startRecordedServer(handlers);
    useLinkedInAt(server.url, { ...defaults, ...extra });
    return server;
  };
}

/** LinkedIn's sample answer to the ids look-up of seedTuple: ENABLED. */
export const seedLookupAnswer = json(200, SEED_IDS_LOOKUP_RESPONSE);

/** Looks seedTuple up once (C19b), the cheapest call there is: its status, or why it failed. */
export async function lookupSeedTuple(app: { id: string; clientId: string }) {
  const map = await lookupStatusByTuples(app, [seedTuple]);
  const status = map.get(tupleId(seedTuple));
  if (!status) throw new Error("no status");
  return status;
}

/** The application's calls to an endpoint over every day (a run across midnight UTC splits them in two rows). */
export async function callCountsOf(clientId: string, endpoint: string) {
  const { _sum } = await db.linkedInCallCount.aggregate({
    where: { clientId, endpoint },
    _sum: { count: true, rateLimitedCount: true, errorCount: true },
  });
  return _sum;
}
