import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { FakeDocument, type FakeElement } from "./fake-dom";
import { useTestSandbox, waitFor } from "./helpers";

const sb = useTestSandbox();

const WIDGET = "/rsc/extensions/onboarding-widget";
/** L10: LinkedIn's sample page writes the extension as www.linkedin.com/recruiter/widget/ATSIntegration. */
const SAMPLE_PAGE_WIDGET = "/recruiter/widget/ATSIntegration";

describe("widget scripts (C4, C9)", () => {
  for (const path of ["/xdoor/scripts/in.js", WIDGET, SAMPLE_PAGE_WIDGET]) {
    it(`${path} is JavaScript for any origin and uses nothing a strict CSP forbids`, async () => {
      const res = await fetch(`${sb.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/javascript/);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const code = await res.text();
      expect(() => new Script(code)).not.toThrow();
      for (const forbidden of [
        /\beval\s*\(/,
        /new\s+Function\s*\(/,
        /\.innerHTML\b/,
        /setAttribute\(\s*["']on/,
        /setAttribute\(\s*["']style/,
        /document\.write/,
        /setTimeout\(\s*["']/,
      ])
        expect(code).not.toMatch(forbidden);
    });
  }
});

describe("widget endpoints", () => {
  it("session: a customer key answers the bundled types; unknown and parent keys answer Invalid API key", async () => {
    const c = await sb.customer();
    const ok = await fetch(`${sb.url}${WIDGET}/session?api_key=${c.clientId}`, {
      headers: { Origin: "http://localhost:3000" },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect((await ok.json()).bundledTypes).toMatchObject({
      RECRUITER_SYSTEM_CONNECT_CONTRACT: "contract",
      APPLY_CONNECT: "organization",
    });
    for (const key of ["nobody", "sandbox-parent-id"]) {
      const bad = await fetch(`${sb.url}${WIDGET}/session?api_key=${key}`);
      expect(bad.status).toBe(401);
      expect(await bad.json()).toEqual({ error: "Invalid API key" });
    }
    const preflight = await fetch(`${sb.url}${WIDGET}/authorize`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Content-Type/i);
  });

  it("L12: authorize expands each bundle into LinkedIn's tuples and records them REQUESTED", async () => {
    const c = await sb.customer();
    const org = (integrationType: string, tenantType = "RECRUITER") => ({
      integrationContext: "urn:li:organization:1001",
      integrationType,
      tenantType,
    });
    const cases: [string, string, object[]][] = [
      [
        "RECRUITER_SYSTEM_CONNECT_COMPANY",
        "1001",
        [org("ONE_CLICK_EXPORT"), org("IN_ATS_INDICATOR"), org("PROFILE_PLUGIN")],
      ],
      [
        "RECRUITER_SYSTEM_CONNECT_CONTRACT",
        "2002",
        [{ integrationContext: "urn:li:contract:2002", integrationType: "CSA_API", tenantType: "RECRUITER" }],
      ],
      ["APPLY_CONNECT", "1001", [org("APPLY_CONNECT", "JOBS")]],
      ["APPLY_WITH_LINKEDIN", "1001", [org("APPLY_WITH_LINKEDIN", "JOBS")]],
      // L28: Talent CRM Connect through the same plugin; CRM_CSA_API on a contract URN.
      [
        "CANDIDATE_RELATIONSHIP_MANAGEMENT",
        "3003",
        ["CRM_CSA_API", "CRM_ONE_CLICK_EXPORT", "IN_CRM_INDICATOR"].map((integrationType) => ({
          integrationContext: "urn:li:contract:3003",
          integrationType,
          tenantType: "RECRUITER",
        })),
      ],
    ];
    for (const [type, id, tuple] of cases) {
      const res = await fetch(`${sb.url}${WIDGET}/authorize`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ apiKey: c.clientId, bundledIntegrationType: type, id }),
      });
      expect(res.status, type).toBe(200);
      expect(await res.json()).toEqual({ integrations: tuple });
    }
    const state = (await sb.admin("/_sandbox/state")).body.integrations.filter((i: any) => i.clientId === c.clientId);
    expect(state).toHaveLength(9);
    expect(state.every((i: any) => i.onboardingStatus === "REQUESTED")).toBe(true);
    const authorizeWith = (body: object) =>
      fetch(`${sb.url}${WIDGET}/authorize`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await authorizeWith({ apiKey: c.clientId, bundledIntegrationType: "NOPE", id: "1" })).status).toBe(400);
    expect(
      (await authorizeWith({ apiKey: c.clientId, bundledIntegrationType: "APPLY_CONNECT", id: "not an id" })).status,
    ).toBe(400);
    expect((await authorizeWith({ apiKey: "nobody", bundledIntegrationType: "APPLY_CONNECT", id: "1" })).status).toBe(
      401,
    );
  });

  it("refuses a page origin that is not among an application's validJsSdkDomains (L9)", async () => {
    await sb.admin("/_sandbox/applications", {
      clientId: "origin-app",
      clientSecret: "s",
      validJsSdkDomains: ["https://portal.example.com"],
    });
    const from = (origin: string) =>
      fetch(`${sb.url}${WIDGET}/session?api_key=origin-app`, { headers: { Origin: origin } });
    expect((await from("https://portal.example.com")).status).toBe(200);
    expect((await from("https://evil.example.com")).status).toBe(403);
  });
});

/** A page like the portal's: the in.js tag with its text body, then the placeholder (seed 001). */
function page(apiKey: string, types: string, globals: Record<string, unknown> = {}, extensionPath = WIDGET) {
  const doc = new FakeDocument(globals);
  const platform = sb.url;
  const inJs = doc.createElement("script");
  inJs.src = `${platform}/xdoor/scripts/in.js`;
  inJs.textContent = `\n  api_key: ${apiKey}\n  extensions: ATSIntegrationWidget@${platform}${extensionPath}\n`;
  const placeholder = doc.createElement("script");
  placeholder.type = "IN/ATSIntegrationWidget";
  placeholder.setAttribute("data-supported-bundled-integration-types", types);
  placeholder.setAttribute("data-onintegrate", "handleIntegrations");
  placeholder.setAttribute("data-width", "600");
  doc.body.appendChild(placeholder);
  doc.body.appendChild(inJs);
  return { doc, placeholder };
}

const containers = (doc: FakeDocument) =>
  doc.body.children.filter((e: FakeElement) => e.className.includes("IN-ATSIntegrationWidget"));

describe("widget in a (fake) page (C5–C8)", () => {
  it("renders a row per bundled type, authorizes, and calls data-onintegrate with the tuples", async () => {
    const c = await sb.customer();
    const received: unknown[] = [];
    const { doc } = page(c.clientId, "RECRUITER_SYSTEM_CONNECT_COMPANY,APPLY_CONNECT,BOGUS_TYPE", {
      handleIntegrations: (tuples: unknown) => received.push(JSON.parse(JSON.stringify(tuples))),
    });
    const button = await waitFor(() => doc.findButton("Authorize RECRUITER_SYSTEM_CONNECT_COMPANY"));
    expect(doc.findButton("Authorize APPLY_CONNECT")).toBeTruthy();
    expect(doc.body.textContent).toContain("Unsupported integration type: BOGUS_TYPE");
    const input = button.parent!.children.find((e) => e.tagName === "INPUT")!;
    const label = button.parent!.children.find((e) => e.tagName === "LABEL")!;
    expect(label.getAttribute("for")).toBe(input.id);
    expect(label.textContent).toBe("Organization id for RECRUITER_SYSTEM_CONNECT_COMPANY");
    input.value = "4gX03uw";
    button.dispatch("click");
    await waitFor(() => received.length > 0);
    const ctx = "urn:li:organization:4gX03uw";
    expect(received[0]).toEqual(
      ["ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN"].map((integrationType) => ({
        integrationContext: ctx,
        integrationType,
        tenantType: "RECRUITER",
      })),
    );
    const stored = (await sb.admin("/_sandbox/state")).body.integrations.filter((i: any) => i.clientId === c.clientId);
    expect(stored).toHaveLength(3);
    expect(stored.every((i: any) => i.integrationContext === ctx && i.onboardingStatus === "REQUESTED")).toBe(true);
    expect(doc.errors).toEqual([]);
  });

  it("L10: the sample page's extension URL form renders and authorizes like the docs' form", async () => {
    const c = await sb.customer();
    const received: unknown[] = [];
    const { doc } = page(
      c.clientId,
      "RECRUITER_SYSTEM_CONNECT_CONTRACT",
      { handleIntegrations: (tuples: unknown) => received.push(JSON.parse(JSON.stringify(tuples))) },
      SAMPLE_PAGE_WIDGET,
    );
    const button = await waitFor(() => doc.findButton("Authorize RECRUITER_SYSTEM_CONNECT_CONTRACT"));
    const input = button.parent?.children.find((e) => e.tagName === "INPUT");
    if (!input) throw new Error("no contract id input");
    input.value = "77";
    button.dispatch("click");
    await waitFor(() => received.length > 0);
    expect(received[0]).toEqual([
      { integrationContext: "urn:li:contract:77", integrationType: "CSA_API", tenantType: "RECRUITER" },
    ]);
    expect(doc.errors).toEqual([]);
  });

  it("IN.parse() twice does not duplicate the widget (C8)", async () => {
    const c = await sb.customer();
    const { doc } = page(c.clientId, "RECRUITER_SYSTEM_CONNECT_CONTRACT");
    await waitFor(() => doc.findButton("Authorize RECRUITER_SYSTEM_CONNECT_CONTRACT"));
    doc.run("IN.parse(); IN.parse();", null);
    await waitFor(() => doc.findButton("Authorize RECRUITER_SYSTEM_CONNECT_CONTRACT"));
    expect(containers(doc)).toHaveLength(1);
    const buttons = doc.documentElement.descendants().filter((e) => e.tagName === "BUTTON");
    expect(buttons).toHaveLength(1);
  });

  it("renders Invalid API key for an unknown api_key", async () => {
    const { doc } = page("not-a-key", "APPLY_CONNECT");
    await waitFor(() => doc.body.textContent.includes("Invalid API key"));
    expect(doc.findButton("Authorize APPLY_CONNECT")).toBeUndefined();
  });

  it("renders nothing for a placeholder whose extension the in.js tag did not declare", async () => {
    const c = await sb.customer();
    const { doc, placeholder } = page(c.clientId, "APPLY_CONNECT");
    placeholder.type = "IN/SomethingElse";
    await Promise.all(doc.pendingLoads);
    expect(containers(doc)).toHaveLength(0);
    expect(String(doc.errors[0])).toMatch(/not declared/);
  });
});
