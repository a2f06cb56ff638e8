// Issue #13: the audit log reads as sentences; an action without a phrase still reads, from its code.
import { describe, expect, it } from "vitest";
import { auditSentence } from "@/components/console/audit-sentence";

const entry = {
  actorLabel: "admin@acme.test",
  targetType: "Customer",
  targetId: "c1",
  customerName: "Acme Corp",
};

describe("auditSentence", () => {
  it("names the actor, what they did with the details that matter, and the customer", () => {
    const sentence = auditSentence({
      ...entry,
      action: "integration.authorized",
      details: { tuples: [{ integrationType: "ONE_CLICK_EXPORT" }, { integrationType: "IN_ATS_INDICATOR" }] },
    });
    expect(sentence).toBe("admin@acme.test authorized 2 integrations: ONE_CLICK_EXPORT, IN_ATS_INDICATOR (Acme Corp).");
  });

  it("reads an unknown action from its code and tolerates details of any shape", () => {
    expect(auditSentence({ ...entry, action: "thing.did_something", details: ["not", "an", "object"] })).toBe(
      "admin@acme.test did thing did something (Acme Corp).",
    );
    expect(auditSentence({ ...entry, action: "job.retried", details: null }, { withCustomer: false })).toBe(
      "admin@acme.test retried a failed job.",
    );
  });
});
