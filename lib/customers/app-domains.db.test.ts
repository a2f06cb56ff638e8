// L6: when PUBLIC_URL changes, the SYNC_APP_DOMAINS job adds the new origin to every provisioned application's
// validJsSdkDomains at LinkedIn (the sandbox), keeping the domains each had, with a result per customer.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { jobHandlers } from "@/server/jobs";
import { runOne } from "@/lib/jobs/run";
import { setTestEnv } from "@/lib/linkedin/test-support/env";
import { requestDomainsSync } from "./app-domains";
import { createCustomer } from "./mutations";
import { provisionCustomerApplication } from "./provisioning";
import { parentSandboxPerFile } from "./test-support/parent-sandbox";

const parent = parentSandboxPerFile({ PUBLIC_URL: "https://old.onramp.example.com" });

describe("SYNC_APP_DOMAINS (L6)", () => {
  it("adds the new PUBLIC_URL origin to each application's domains at LinkedIn, keeping the old ones", async () => {
    const customers = [];
    for (const name of ["Domains A", "Domains B"]) {
      const c = await createCustomer(parent.actor, {
        displayName: name,
        foreignId: `dom-${randomUUID()}`,
        offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
      });
      await provisionCustomerApplication(c.id);
      customers.push(c);
    }
    setTestEnv({ PUBLIC_URL: "https://new.onramp.example.com/portal" });
    const { jobId } = await requestDomainsSync(parent.actor);
    const handler = jobHandlers().SYNC_APP_DOMAINS;
    expect(handler).toBeDefined();
    await runOne(handler!, {
      data: { trackedJobId: jobId },
      retryCount: 0,
      retryLimit: 4,
    });
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("SUCCEEDED");
    expect(job.outcome).toMatch(/updated/);
    for (const c of customers) {
      const app = await db.customerApplication.findUniqueOrThrow({ where: { customerId: c.id } });
      expect(app.jsSdkDomains).toEqual(["https://old.onramp.example.com", "https://new.onramp.example.com"]);
      const inSandbox = [...parent.sandbox.state.applications.values()].find((a) => a.clientId === app.clientId);
      expect(inSandbox?.validJsSdkDomains).toEqual([
        "https://old.onramp.example.com",
        "https://new.onramp.example.com",
      ]);
      expect(await db.auditLog.count({ where: { targetId: c.id, action: "customer.js_sdk_domains_updated" } })).toBe(1);
    }
    // Run again: nothing left to change, no call to LinkedIn.
    // (Other test files' applications in the shared database belong to other sandboxes: only ours are counted.)
    const ours = new Set(
      (await db.customerApplication.findMany({ where: { customerId: { in: customers.map((c) => c.id) } } })).map(
        (a) => a.clientId,
      ),
    );
    const updates = () =>
      parent.sandbox.state.calls.filter(
        (x) => x.endpoint === "provisioning_update" && x.clientId !== null && ours.has(x.clientId),
      ).length;
    const before = updates();
    const again = await requestDomainsSync(parent.actor);
    await runOne(handler!, {
      data: { trackedJobId: again.jobId },
      retryCount: 0,
      retryLimit: 4,
    });
    expect(updates()).toBe(before);
  });
});
