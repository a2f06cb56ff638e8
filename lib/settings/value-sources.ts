// Where a configuration key's value comes from (C15), without zod: the console's configuration key form (a client
// component) lists these; ./schemas.ts checks them.
export const VALUE_SOURCES = ["CALLBACK_URL", "DEFAULT", "CUSTOMER"] as const;
export const VALUE_SOURCE_LABELS: Record<(typeof VALUE_SOURCES)[number], string> = {
  CALLBACK_URL: "The customer's callback URL",
  DEFAULT: "A default value set here",
  CUSTOMER: "Entered by the customer admin",
};
