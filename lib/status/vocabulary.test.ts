// One vocabulary of status words and colours (issue 21 point 4): every value of every state enum in
// prisma/schema.prisma has its words and a tone, and no component keeps a table of its own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesMatching } from "@/test/source-files";
import {
  applicationOriginWords,
  EMAIL_STATUS_WORDS,
  humanize,
  JOB_STATUS_WORDS,
  KEY_IMPORT_ROW_WORDS,
  NOTIFICATION_STATE_WORDS,
  ONBOARDING_WORDS,
  PROVISIONING_WORDS,
  SYNC_STATE_WORDS,
  TONE_CLASSES,
  WEBHOOK_DELIVERY_WORDS,
} from "./vocabulary";

const root = join(import.meta.dirname, "..", "..");
const schema = readFileSync(join(root, "prisma", "schema.prisma"), "utf8");

/** The values of `name` as prisma/schema.prisma declares them. */
function enumValues(name: string): string[] {
  const body = new RegExp(`^enum ${name} \\{([^}]*)\\}`, "m").exec(schema)?.[1];
  if (body === undefined) throw new Error(`enum ${name} is not in prisma/schema.prisma`);
  return body
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => /^[A-Z][A-Z0-9_]*$/.test(line));
}

describe("the status vocabulary", () => {
  it.each([
    ["OnboardingStatus", ONBOARDING_WORDS],
    ["JobStatus", JOB_STATUS_WORDS],
    ["SyncState", SYNC_STATE_WORDS],
    ["NotificationState", NOTIFICATION_STATE_WORDS],
    ["EmailStatus", EMAIL_STATUS_WORDS],
    ["WebhookDeliveryState", WEBHOOK_DELIVERY_WORDS],
    ["KeyImportRowStatus", KEY_IMPORT_ROW_WORDS],
  ] as const)("has words and a tone for every %s", (name, words) => {
    const values = enumValues(name);
    expect(values.length).toBeGreaterThan(0);
    expect(Object.keys(words).sort()).toEqual([...values].sort());
    for (const value of values) {
      const w: { label: string; tone: keyof typeof TONE_CLASSES } = words[value as keyof typeof words];
      expect(w.label.trim()).not.toBe("");
      expect(w.label).not.toMatch(/_/);
      expect(TONE_CLASSES[w.tone]).toBeDefined();
    }
  });

  it("says where a provisioning job stands for every JobStatus, and how every application came", () => {
    expect(Object.keys(PROVISIONING_WORDS).sort()).toEqual(enumValues("JobStatus").sort());
    const origins = enumValues("ApplicationOrigin").map(applicationOriginWords);
    expect(new Set(origins).size).toBe(origins.length);
  });

  it("keeps the words people read: failures stand out, states read lower-case", () => {
    expect(NOTIFICATION_STATE_WORDS.NOT_HANDLED).toEqual({ label: "not handled", tone: "neutral" });
    expect(JOB_STATUS_WORDS.FAILED).toEqual({ label: "failed", tone: "bad" });
    expect(ONBOARDING_WORDS.PARTNER_READY.label).toBe("Partner ready");
    expect(humanize("PARTNER_READY_REMINDER")).toBe("Partner ready reminder");
  });

  it("is the only table of status colours and the only humanize()", () => {
    const colours = filesMatching(["app", "components", "lib"], "lib/status/tones.ts", [
      /\bbg-(red|green|amber|sky|blue)-100 text-/,
    ]);
    expect(colours).toEqual([]);
    const offenders = filesMatching(["app", "components", "lib"], "lib/status/vocabulary.ts", [
      /function humanize\b/,
      /toLowerCase\(\)\.replace\(\/_\/g/,
    ]);
    expect(offenders).toEqual([]);
  });
});
