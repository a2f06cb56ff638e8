// Limits and field names the customer admin's forms share with the server's schemas (schemas.ts). Pure
// and free of zod, so the browser gets the numbers without the validator (issue #13: validation stays
// on the server).

/** LinkedIn documents no limit for integrationName (C11); this keeps it readable in LinkedIn's UI. */
export const MAX_INTEGRATION_NAME = 200;
export const MAX_CONFIGURATION_VALUE = 1000;
/** Configuration values are posted as `value:<KEY>` fields. */
export const CONFIG_FIELD_PREFIX = "value:";
