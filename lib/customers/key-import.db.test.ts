// Bulk import of existing keys (C1, L21, issue 10 item 7) against the LinkedIn sandbox: good rows are checked with a
// token request and stored (secret encrypted), duplicate and bad rows and keys LinkedIn refuses are refused each
// with its reason, a re-upload of the same rows changes nothing, LinkedIn being down leaves no row unaccounted for,
// and no secret ever reaches the job's row, an audit entry or the import rows once they are checked (C3).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { jobHandlers } from "@/server/jobs";
import { runOne } from "@/lib/jobs/run";
import { customerAppSecretContext } from "@/lib/linkedin";
import { addFault } from "@/sandbox/faults";
import { setApplicationKeys } from "./application-keys";
import { startKeyImport } from "./key-import";
import { importRowsFromCsv } from "./key-import-csv";
import { keyImportView } from "./key-import-queries";
import type { KeyImportRowInput } from "./key-import-schemas";
import { createCustomer } from "./mutations";
import { parentSandboxPerFile } from "./test-support/parent-sandbox";

const stack = parentSandboxPerFile();

async function runImportJob(jobId: string, attempt = 1, maxAttempts = 5) {
  const handler = jobHandlers().IMPORT_APPLICATION_KEYS;
  if (!handler) throw new Error("IMPORT_APPLICATION_KEYS has no handler");
  await runOne(handler, { data: { trackedJobId: jobId }, retryCount: attempt - 1, retryLimit: maxAttempts - 1 }).catch(
    (e: unknown) => {
      if (attempt >= maxAttempts) return; // the last attempt's failure is on the job row
      throw e;
    },
  );
}

const tokenCalls = (clientId: string) =>
  stack.sandbox.state.calls.filter((c) => c.endpoint === "token" && c.clientId === clientId).length;

function sandboxApp(secret?: string) {
  return stack.sandbox.state.putApplication({
    kind: "customer",
    createdBy: "admin",
    ...(secret ? { clientSecret: secret } : {}),
  });
}

async function noSecretStoredOutsideTheKeys(secrets: string[], importId: string, jobId: string) {
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  expect(job.payload).toEqual({ importId });
  const audit = await db.auditLog.findMany({ where: { createdAt: { gte: new Date(Date.now() - 10 * 60_000) } } });
  const texts = [JSON.stringify(job), JSON.stringify(audit)];
  const rows = await db.keyImportRow.findMany({ where: { importId } });
  texts.push(JSON.stringify(rows));
  for (const secret of secrets) for (const text of texts) expect(text).not.toContain(secret);
  // Once checked, a row keeps no secret, not even encrypted.
  expect(rows.filter((r) => r.status !== "PENDING" && r.clientSecretEnc !== null)).toEqual([]);
}

describe("bulk import of existing keys (C1, L21)", () => {
  it("stores good rows, refuses duplicate, bad and refused rows each with its reason; a re-upload changes nothing", async () => {
    const tag = randomUUID().slice(0, 8);
    const good1 = sandboxApp();
    const good2 = sandboxApp();
    const refusedApp = sandboxApp();
    const wrongSecret = `wrong-secret-${tag}-0123`;
    // A customer that already has other keys.
    const other = sandboxApp();
    const existing = await createCustomer(stack.actor, {
      displayName: `Import existing ${tag}`,
      foreignId: `imp-existing-${tag}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    });
    await setApplicationKeys(stack.actor, existing.id, { clientId: other.clientId, clientSecret: other.clientSecret });
    const late = sandboxApp();

    const csv = [
      "customer id,name,client id,client secret,application urn,bundles",
      `imp-a-${tag},Import A ${tag},${good1.clientId},${good1.clientSecret},${good1.urn},RECRUITER_SYSTEM_CONNECT_COMPANY;APPLY_CONNECT`,
      `imp-b-${tag},"Import B, ""Ltd"" ${tag}",${good2.clientId},${good2.clientSecret},,RECRUITER_SYSTEM_CONNECT_CONTRACT`,
      `imp-a-${tag},Import A again,${late.clientId},${late.clientSecret},,RECRUITER_SYSTEM_CONNECT_COMPANY`,
      `imp-c-${tag},Import C,${refusedApp.clientId},,,RECRUITER_SYSTEM_CONNECT_COMPANY`,
      `imp-d-${tag},Import D,${refusedApp.clientId},${wrongSecret},,RECRUITER_SYSTEM_CONNECT_COMPANY`,
      `imp-existing-${tag},Import existing,${late.clientId},${late.clientSecret},,RECRUITER_SYSTEM_CONNECT_COMPANY`,
      `imp-e-${tag},Import E,client-e-${tag},secret-e-${tag},,APPLY_CONNECT`,
      "",
    ].join("\r\n");
    const parsed = importRowsFromCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows).toHaveLength(7);

    const started = await startKeyImport(stack.actor, { rows: parsed.rows, fileName: "keys.csv" });
    expect(started.rowCount).toBe(7);
    // Bad and duplicate rows have their outcome before LinkedIn is asked anything.
    const before = await keyImportView(started.importId);
    expect(before.counts).toEqual({ pending: 4, imported: 0, unchanged: 0, refused: 3 });
    expect(before.state).toBe("RUNNING");

    await runImportJob(started.jobId);
    const view = await keyImportView(started.importId);
    const byLine = new Map(view.rows.map((r) => [r.line, r]));
    expect(view.state).toBe("DONE");
    expect(view.counts).toEqual({ pending: 0, imported: 2, unchanged: 0, refused: 5 });
    expect(byLine.get(1)).toMatchObject({ status: "IMPORTED", reason: expect.stringMatching(/customer was created/) });
    expect(byLine.get(2)).toMatchObject({ status: "IMPORTED", displayName: `Import B, "Ltd" ${tag}` });
    expect(byLine.get(3)).toMatchObject({
      status: "REFUSED",
      reason: expect.stringMatching(/Duplicate in the file: row 1/),
    });
    expect(byLine.get(4)).toMatchObject({ status: "REFUSED", reason: expect.stringMatching(/Bad row: clientSecret/) });
    expect(byLine.get(5)).toMatchObject({ status: "REFUSED", reason: expect.stringMatching(/LinkedIn refused/) });
    expect(byLine.get(6)).toMatchObject({
      status: "REFUSED",
      customerId: existing.id,
      reason: expect.stringMatching(`already has other keys \\(API key ${other.clientId}\\)`),
    });
    expect(byLine.get(7)).toMatchObject({
      status: "REFUSED",
      reason: expect.stringMatching(/Recruiter System Connect/),
    });
    expect(tokenCalls(late.clientId)).toBe(0); // refused before LinkedIn was asked

    const job = await db.job.findUniqueOrThrow({ where: { id: started.jobId } });
    expect(job).toMatchObject({ status: "SUCCEEDED", totalCount: 7, succeededCount: 2, failedCount: 5 });
    expect(job.outcome).toMatch(/2 row\(s\) imported, 0 unchanged, 5 refused/);

    // The imported customers hold working keys, the secret encrypted (C3).
    const a = await db.customer.findUniqueOrThrow({
      where: { foreignId: `imp-a-${tag}` },
      include: { application: true },
    });
    expect(a.offeredIntegrationTypes).toEqual(["RECRUITER_SYSTEM_CONNECT_COMPANY", "APPLY_CONNECT"]);
    expect(a.application).toMatchObject({ clientId: good1.clientId, origin: "MANUAL", applicationUrn: good1.urn });
    const appA = a.application;
    if (!appA) throw new Error("no application stored");
    expect(appA.clientSecretEnc).not.toContain(good1.clientSecret);
    expect(decryptSecret(appA.clientSecretEnc, customerAppSecretContext(appA.id))).toBe(good1.clientSecret);
    expect(byLine.get(1)?.customerId).toBe(a.id);
    await noSecretStoredOutsideTheKeys(
      [good1.clientSecret, good2.clientSecret, wrongSecret, late.clientSecret],
      started.importId,
      started.jobId,
    );

    // The same file again: the imported rows are unchanged, nothing is written, LinkedIn is not asked about them.
    const appsBefore = await db.customerApplication.findMany({
      where: { clientId: { in: [good1.clientId, good2.clientId] } },
      orderBy: { clientId: "asc" },
    });
    const callsBefore = tokenCalls(good1.clientId) + tokenCalls(good2.clientId);
    const again = await startKeyImport(stack.actor, { rows: parsed.rows, fileName: "keys.csv" });
    await runImportJob(again.jobId);
    const second = await keyImportView(again.importId);
    expect(second.counts).toEqual({ pending: 0, imported: 0, unchanged: 2, refused: 5 });
    expect(second.rows.filter((r) => r.status === "UNCHANGED").map((r) => r.line)).toEqual([1, 2]);
    expect(tokenCalls(good1.clientId) + tokenCalls(good2.clientId)).toBe(callsBefore);
    expect(
      await db.customerApplication.findMany({
        where: { clientId: { in: [good1.clientId, good2.clientId] } },
        orderBy: { clientId: "asc" },
      }),
    ).toEqual(appsBefore);
    expect(await db.customer.count({ where: { foreignId: { startsWith: `imp-`, endsWith: tag } } })).toBe(3);
  });

  it("a new secret for stored keys replaces the old one, which stays accepted for the overlap (L7)", async () => {
    const tag = randomUUID().slice(0, 8);
    const app = sandboxApp();
    const row: KeyImportRowInput = {
      foreignId: `imp-roll-${tag}`,
      displayName: `Import roll ${tag}`,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    };
    const first = await startKeyImport(stack.actor, { rows: [row] });
    await runImportJob(first.jobId);
    const oldSecret = app.clientSecret;
    app.previousSecret = oldSecret;
    app.clientSecret = `rolled-${tag}-0123456789`;
    const second = await startKeyImport(stack.actor, { rows: [{ ...row, clientSecret: app.clientSecret }] });
    await runImportJob(second.jobId);
    const view = await keyImportView(second.importId);
    expect(view.rows[0]).toMatchObject({ status: "IMPORTED", reason: expect.stringMatching(/new secret/) });
    const stored = await db.customerApplication.findUniqueOrThrow({ where: { clientId: app.clientId } });
    expect(decryptSecret(stored.clientSecretEnc, customerAppSecretContext(stored.id))).toBe(app.clientSecret);
    expect(stored.previousSecretEnc).not.toBeNull();
  });

  it("LinkedIn down: rows wait for the retry; after the last attempt each unchecked row says it was not imported", async () => {
    const tag = randomUUID().slice(0, 8);
    const apps = [sandboxApp(), sandboxApp()];
    const rows: KeyImportRowInput[] = apps.map((app, i) => ({
      foreignId: `imp-down-${i}-${tag}`,
      displayName: `Import down ${i}`,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      offeredIntegrationTypes: "RECRUITER_SYSTEM_CONNECT_COMPANY",
    }));
    const rule = addFault(stack.sandbox.state.faults, { endpoint: "token", status: 503 });
    try {
      const started = await startKeyImport(stack.actor, { rows });
      await expect(runImportJob(started.jobId, 1, 2)).rejects.toThrow(
        /LinkedIn could not be asked about row [12]: .* The job retries from this row/,
      );
      expect((await db.job.findUniqueOrThrow({ where: { id: started.jobId } })).status).toBe("RETRYING");
      expect((await keyImportView(started.importId)).counts.pending).toBe(2);

      await runImportJob(started.jobId, 2, 2);
      const job = await db.job.findUniqueOrThrow({ where: { id: started.jobId } });
      expect(job.status).toBe("FAILED");
      expect(job.outcome).toMatch(/2 row\(s\) were not checked/);
      const view = await keyImportView(started.importId);
      expect(view.counts).toEqual({ pending: 0, imported: 0, unchanged: 0, refused: 2 });
      expect(view.rows.every((r) => /Not imported: the import stopped/.test(r.reason ?? ""))).toBe(true);
      await noSecretStoredOutsideTheKeys(
        apps.map((a) => a.clientSecret),
        started.importId,
        started.jobId,
      );
      expect(await db.customer.count({ where: { foreignId: { startsWith: "imp-down-", endsWith: tag } } })).toBe(0);

      // Once LinkedIn is back, uploading the rows again imports them.
      stack.sandbox.state.faults.splice(stack.sandbox.state.faults.indexOf(rule), 1);
      const retry = await startKeyImport(stack.actor, { rows });
      await runImportJob(retry.jobId);
      expect((await keyImportView(retry.importId)).counts.imported).toBe(2);
    } finally {
      if (stack.sandbox.state.faults.includes(rule))
        stack.sandbox.state.faults.splice(stack.sandbox.state.faults.indexOf(rule), 1);
    }
  });
});
