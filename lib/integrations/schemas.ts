// Inputs of the customer admin's forms (issue #4), checked on the server; the client forms read the
// limits from limits.ts, which carries no zod.
import { z } from "zod";
import { CONFIG_FIELD_PREFIX, MAX_CONFIGURATION_VALUE, MAX_INTEGRATION_NAME } from "./limits";

export { CONFIG_FIELD_PREFIX, MAX_CONFIGURATION_VALUE, MAX_INTEGRATION_NAME };

export const renameIntegrationSchema = z.object({
  integrationId: z.string().min(1),
  name: z
    .string()
    .transform((v) => v.trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(1, "Enter a name: LinkedIn requires one.")
        .max(MAX_INTEGRATION_NAME, `At most ${MAX_INTEGRATION_NAME} characters.`),
    ),
});
export type RenameIntegrationInput = z.infer<typeof renameIntegrationSchema>;

export const editConfigurationSchema = z
  .object({ integrationId: z.string().min(1) })
  .catchall(z.string().max(MAX_CONFIGURATION_VALUE, `At most ${MAX_CONFIGURATION_VALUE} characters.`))
  .superRefine((v, ctx) => {
    for (const key of Object.keys(v)) {
      if (key !== "integrationId" && !key.startsWith(CONFIG_FIELD_PREFIX))
        ctx.addIssue({ code: "custom", path: [key], message: "Unknown field.", params: { notice: "unknownField" } });
    }
  });
export type EditConfigurationInput = z.infer<typeof editConfigurationSchema>;
