// What LinkedIn's widget hands over, checked (C6, C7, C12, L11, L12). The vocabulary itself, without zod, is in
// ./types.ts so client components can import it.
import { z } from "zod";
import { BUNDLED_INTEGRATION_TYPES, ENUM_NAME } from "./types";

export const bundledIntegrationTypeSchema = z.enum(BUNDLED_INTEGRATION_TYPES, {
  error: `must be one of ${BUNDLED_INTEGRATION_TYPES.join(", ")}`,
});
const enumName = (what: string) => z.string().regex(ENUM_NAME, `must be an enum-like ${what} such as ONE_CLICK_EXPORT`);

/** C12: urn:li:organization:{id} or urn:li:contract:{id}. */
export const integrationContextSchema = z
  .string()
  .regex(
    /^urn:li:(organization|contract):[A-Za-z0-9_-]{1,64}$/,
    "must be urn:li:organization:{id} or urn:li:contract:{id}",
  );

/**
 * One tuple as the plugin's onintegrate callback hands it over (C7, L12). Types are checked for shape
 * only: a type Onramp does not know yet is stored and flagged, never refused (L12).
 */
export const widgetTupleSchema = z.object({
  integrationContext: integrationContextSchema,
  integrationType: enumName("integration type"),
  tenantType: enumName("tenant type"),
});
export type WidgetTuple = z.infer<typeof widgetTupleSchema>;
