// The language choices as forms send them (issue 25 point 1). Pure.
import { z } from "zod";
import { LOCALES } from "./locales";

const message = `Choose one of ${LOCALES.join(", ")}.`;

/** An operator's choice for a customer; empty follows each browser's language. */
export const customerLocaleSchema = z.object({
  customerId: z.string().min(1),
  defaultLocale: z
    .union([z.literal(""), z.enum(LOCALES, { error: message })])
    .optional()
    .transform((v) => (v ? v : null)),
});

/** A customer admin's own choice. */
export const personLocaleSchema = z.object({ locale: z.enum(LOCALES, { error: message }) });
