import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { REDACT_PATHS } from "@/lib/log/logger";
import { DEMO, seedDemo } from "@/lib/seed/demo";
import { tablesHoldingPlainText } from "./plain-text";

// Issue #2 / C3: no secret is stored or logged in plain text. (Rendering is covered end to end in
// e2e/support.spec.ts and e2e/operator.spec.ts, which read the pages' HTML.)
describe("secrets are never stored or logged in plain text (C3)", () => {
  it("stores the customer application secret only encrypted", async () => {
    await seedDemo();
    const secret = DEMO.customer.application.clientSecret;
    expect(await tablesHoldingPlainText(secret)).toEqual([]);
    const app = await db.customerApplication.findUniqueOrThrow({
      where: { clientId: DEMO.customer.application.clientId },
    });
    expect(app.clientSecretEnc.startsWith("v1.")).toBe(true);
    expect(app.clientSecretHint).toBe(secret.slice(-4));
  });

  it("redacts secret-bearing fields from log lines", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, sink);
    log.info(
      {
        clientSecret: "cs-123",
        password: "pw-123",
        headers: { authorization: "Bearer tok-123" },
        app: { accessToken: "tok-456" },
      },
      "x",
    );
    const out = lines.join("");
    for (const s of ["cs-123", "pw-123", "tok-123", "tok-456"]) expect(out).not.toContain(s);
    expect(out).toContain("[redacted]");
  });
});
