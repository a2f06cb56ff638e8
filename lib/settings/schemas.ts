// Operator-edited data that shapes onboarding: the configuration keys required per integration type
// (C15, not documented by LinkedIn in the seeds, hence data) and tunable settings. Pure.
import { z } from "zod";
import { ENUM_NAME } from "@/lib/integrations/types";
import { VALUE_SOURCES } from "./value-sources";

export { VALUE_SOURCE_LABELS, VALUE_SOURCES } from "./value-sources";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

export const configurationKeySchema = z
  .object({
    // L12: an operator may give keys to a type Onramp does not know yet (e.g. a CRM_* type).
    integrationType: z
      .string({ error: "Choose an integration type." })
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(
        z
          .string()
          .regex(
            ENUM_NAME,
            "Enter the integration type as LinkedIn spells it: capitals, digits and underscores, e.g. ONE_CLICK_EXPORT or a new CRM_… type.",
          ),
      ),
    key: z
      .string()
      .trim()
      .min(1, "Enter the configuration key as LinkedIn names it.")
      .max(100, "Use at most 100 characters.")
      .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, "Start with a letter; then letters, digits, dots, underscores or dashes."),
    label: z.string().trim().min(1, "Enter a label people will read.").max(120, "Use at most 120 characters."),
    description: z
      .string()
      .trim()
      .max(500, "Use at most 500 characters.")
      .optional()
      .transform((v) => (v ? v : null)),
    valueSource: z.enum(VALUE_SOURCES, { error: "Choose where the value comes from." }),
    defaultValue: z
      .string()
      .trim()
      .max(2000, "Use at most 2000 characters.")
      .optional()
      .transform((v) => (v ? v : null)),
    customerEditable: checkbox,
    // L14, RSC-104: a viewers key is sent only to customers that do not use access controls (ACLs) in the ATS.
    onlyWithoutAccessControls: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.valueSource === "DEFAULT" && !v.defaultValue) {
      ctx.addIssue({ code: "custom", path: ["defaultValue"], message: "Enter the default value." });
    }
  });
export type ConfigurationKeyInput = z.infer<typeof configurationKeySchema>;

/** Settings operators may change in the console; each has its own validation. */
export const OPERATOR_SETTINGS = {
  stuckAfterHours: {
    label: "Stuck after (hours)",
    description: "Integrations REQUESTED or PARTNER_READY for longer than this appear in the issues view.",
    schema: z.coerce
      .number({ error: "Enter a number of hours." })
      .int("Enter whole hours.")
      .min(1, "At least 1 hour.")
      .max(24 * 365, "At most a year (8760 hours)."),
  },
  partnerReadyReminderDays: {
    label: "Remind after (days)",
    description:
      "Customer admins get a reminder email when an integration waits in PARTNER_READY this long, at most once per period.",
    schema: z.coerce
      .number({ error: "Enter a number of days." })
      .int("Enter whole days.")
      .min(1, "At least 1 day.")
      .max(90, "At most 90 days."),
  },
} as const;
export type OperatorSettingKey = keyof typeof OPERATOR_SETTINGS;
export const OPERATOR_SETTING_KEYS = Object.keys(OPERATOR_SETTINGS) as OperatorSettingKey[];
