// What a customer is made of, as operators and the vendor's API enter it. Pure: the console forms, the
// server actions and the /api/v1 handlers validate with these same schemas, and the OpenAPI document is
// generated from them (lib/vendor-api/openapi.ts), so the three can not drift apart.
import { z } from "zod";
import { bundledIntegrationTypeSchema } from "@/lib/integrations/tuple-schemas";
import { BUNDLED_INTEGRATION_TYPES, CRM_BUNDLE, REQUIRED_BUNDLES } from "@/lib/integrations/types";

export const displayNameSchema = z
  .string({ error: "Enter the customer's name." })
  .trim()
  .min(1, "Enter the customer's name.")
  .max(120, "Use at most 120 characters.")
  .meta({ description: "The customer's name as people see it.", example: "Acme Corp" });

/** The vendor's own customer id, sent to LinkedIn as uniqueForeignId when provisioning (C1). */
export const foreignIdSchema = z
  .string({ error: "Enter the customer's id in your ATS." })
  .trim()
  .min(1, "Enter the customer's id in your ATS.")
  .max(255, "Use at most 255 characters.")
  .regex(/^[A-Za-z0-9._:-]+$/, "Use letters, digits, dots, colons, underscores or dashes only.")
  .meta({
    description: "The vendor's own id of this customer; LinkedIn's uniqueForeignId (C1). Unique.",
    example: "acme-001",
  });

/** C6: the vendor chooses the offered bundles per customer; an RSC bundle is required (or, L28, the CRM bundle). */
export const offeredIntegrationTypesSchema = z
  .array(bundledIntegrationTypeSchema)
  .min(1, "Offer at least one integration type.")
  .refine((types) => types.some((t) => REQUIRED_BUNDLES.includes(t) || t === CRM_BUNDLE), {
    message:
      "Offer at least one Recruiter System Connect type, or the CRM bundle for a CRM customer (LinkedIn requires one).",
  })
  .transform((types) => BUNDLED_INTEGRATION_TYPES.filter((t) => types.includes(t)))
  .meta({
    description: `Bundled integration types offered in LinkedIn's plugin (C6, L28). At least one of ${[...REQUIRED_BUNDLES, CRM_BUNDLE].join(", ")}.`,
  });

export const customerCreateSchema = z
  .object({
    displayName: displayNameSchema,
    foreignId: foreignIdSchema,
    offeredIntegrationTypes: offeredIntegrationTypesSchema,
  })
  .strict();
export type CustomerCreateInput = z.infer<typeof customerCreateSchema>;

export const customerUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    foreignId: foreignIdSchema.optional(),
    offeredIntegrationTypes: offeredIntegrationTypesSchema.optional(),
    archived: z.boolean().optional().meta({ description: "true archives the customer; false restores it." }),
  })
  .strict();
export type CustomerUpdateInput = z.infer<typeof customerUpdateSchema>;

/** Keys of an existing LinkedIn customer application, entered by hand (C1). */
export const applicationKeysSchema = z
  .object({
    clientId: z
      .string({ error: "Enter the API key (client id)." })
      .trim()
      .min(1, "Enter the API key (client id).")
      .max(200, "Use at most 200 characters.")
      .meta({ description: "The LinkedIn API key (client id) of the customer's application." }),
    // Not trimmed: a secret is stored exactly as it was checked with LinkedIn.
    clientSecret: z
      .string({ error: "Enter the secret." })
      .min(1, "Enter the secret.")
      .max(500, "Use at most 500 characters.")
      .meta({ description: "The application's secret. Write-only: never returned (C3)." }),
    // L21: the developer application id, kept per customer; optional (empty in a form means not given).
    applicationUrn: z
      .string()
      .trim()
      .regex(
        /^(urn:li:developerApplication:\d+)?$/,
        "Use the form urn:li:developerApplication:123456, or leave it empty.",
      )
      .transform((v) => (v ? v : undefined))
      .optional()
      .meta({ description: "The application's URN, urn:li:developerApplication:{n} (L21). Optional." }),
  })
  .strict();
export type ApplicationKeysInput = z.infer<typeof applicationKeysSchema>;
