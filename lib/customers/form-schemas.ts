// The console's customer forms: FormData gives one string per checked box (or none), so the offered
// types are normalised to an array before the shared schemas (schemas.ts) validate them. Pure.
import { z } from "zod";
import { applicationKeysSchema, displayNameSchema, foreignIdSchema, offeredIntegrationTypesSchema } from "./schemas";

const asArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const customerFormSchema = z.object({
  displayName: displayNameSchema,
  foreignId: foreignIdSchema,
  offeredIntegrationTypes: z.preprocess(asArray, offeredIntegrationTypesSchema),
});

export const customerEditFormSchema = customerFormSchema.extend({ customerId: z.string().min(1) });

export const customerIdFormSchema = z.object({ customerId: z.string().min(1) });

export const archiveFormSchema = z.object({
  customerId: z.string().min(1),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const accessControlsFormSchema = z.object({
  customerId: z.string().min(1),
  usesAtsAccessControls: z
    .enum(["true", "false"], { error: "Choose whether the customer uses access controls." })
    .transform((v) => v === "true"),
});

export const applicationKeysFormSchema = applicationKeysSchema.extend({ customerId: z.string().min(1) });

export const rotateCallbackFormSchema = z.object({
  customerId: z.string().min(1),
  confirm: z.literal("yes", { error: "Tick the box to confirm that the old URL will stop working." }),
});
