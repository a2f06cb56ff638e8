// Provisioning a customer's application with the vendor's parent keys (C1, L3, L4),
// against recorded bodies served from a local node:http server (test-support/recorded-linkedin.ts).
import { describe, expect, it } from "vitest";
import { LinkedInError } from "./errors";
import { provisionApplication } from "./provisioning";
import { json } from "./test-support/recorded-server";
import { useRecordedLinkedIn } from "./test-support/recorded-linkedin";

const serve = useRecordedLinkedIn();

describe("provisionApplication (C1, L3, L4)", () => {
  const parent = {
    LINKEDIN_CLIENT_ID: "vendor-parent",
    LINKEDIN_CLIENT_SECRET: "vendor-parent-secret",
    LINKEDIN_VENDOR_NAME: "Onramp ATS",
  };

  it("creates the application with the parent's token, validJsSdkDomains and a name without LinkedIn, at most 50 characters", async () => {
    const answer = {
      credentials: { client_id: "new-client", client_secret: "new-secret" },
      key: "urn:li:developerApplication:7",
    };
    const s = await serve({ api: () => json(201, answer) }, parent);
    const created = await provisionApplication({
      uniqueForeignId: "cust-42",
      customerName: "LinkedIn Lovers International Holdings Incorporated",
      description: "Onramp customer cust-42",
      callbackUrls: [],
      jsSdkDomains: ["https://onramp.example.com"],
    });
    expect(created).toMatchObject({
      urn: "urn:li:developerApplication:7",
      clientId: "new-client",
      clientSecret: "new-secret",
    });
    expect(created.name.length).toBeLessThanOrEqual(50);
    expect(created.name).not.toMatch(/linkedin/i);
    const tokenForm = new URLSearchParams(s.tokenRequests()[0]?.body);
    expect(tokenForm.get("client_id")).toBe("vendor-parent");
    const [req] = s.apiRequests();
    expect(req?.path).toBe("/v2/provisionedApplications");
    expect(req?.headers.authorization).toMatch(/^Bearer /);
    expect(JSON.parse(req?.body ?? "")).toEqual({
      uniqueForeignId: "cust-42",
      name: created.name,
      description: "Onramp customer cust-42",
      validJsSdkDomains: ["https://onramp.example.com"],
    });
  });

  it("409 is a conflict, and a 5xx is not retried: the create is sent once (L3)", async () => {
    await serve(
      {
        api: () => json(409, { status: 409, message: 'An application with uniqueForeignId "cust-42" already exists' }),
      },
      parent,
    );
    const input = {
      uniqueForeignId: "cust-42",
      customerName: "Acme",
      description: "d",
      callbackUrls: [],
      jsSdkDomains: [],
    };
    const error = await provisionApplication(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkedInError);
    expect((error as LinkedInError).kind).toBe("conflict");
    const s = await serve({ api: () => json(503, {}) }, parent);
    expect(await provisionApplication(input).catch((e: unknown) => (e as LinkedInError).kind)).toBe("unavailable");
    expect(s.apiRequests()).toHaveLength(1);
  });

  it("without the parent keys it refuses before calling LinkedIn", async () => {
    const s = await serve({ api: () => json(500, {}) });
    const error = await provisionApplication({
      uniqueForeignId: "x",
      customerName: "Acme",
      description: "d",
      callbackUrls: [],
      jsSdkDomains: [],
    }).catch((e: unknown) => e);
    expect((error as LinkedInError).kind).toBe("not_configured");
    expect(s.requests).toHaveLength(0);
  });
});
