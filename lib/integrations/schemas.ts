// Inputs of the customer admin's forms (issue #4). Pure: the client forms share the limits.
import { z } from "zod";

/** LinkedIn documents no limit for integrationName (C11); this keeps it readable in LinkedIn's UI. */
export const MAX_INTEGRATION_NAME = 200;
export const MAX_CONFIGURATION_VALUE = 1000;

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

/** Form fields are "value:{KEY}"; anything else but integrationId is refused. */
export const CONFIG_FIELD_PREFIX = "value:";
export const editConfigurationSchema = z
  .object({ integrationId: z.string().min(1) })
  .catchall(z.string().max(MAX_CONFIGURATION_VALUE, `At most ${MAX_CONFIGURATION_VALUE} characters.`))
  .superRefine((v, ctx) => {
    for (const key of Object.keys(v)) {
      if (key !== "integrationId" && !key.startsWith(CONFIG_FIELD_PREFIX))
        ctx.addIssue({ code: "custom", path: [key], message: "Unknown field." });
    }
  });
export type EditConfigurationInput = z.infer<typeof editConfigurationSchema>;
