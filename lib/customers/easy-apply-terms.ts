// Apply Connect's account-level "LinkedIn Easy Apply" toggle (L30). Pure: the page and the vendor API import it.

/**
 * LinkedIn's sentence shown next to the toggle, exactly as LinkedIn words it (L30, DOCS apply-connect/
 * customer-configuration). It is LinkedIn's text in English and is never translated or reworded.
 */
export const EASY_APPLY_TERMS =
  "By posting your job to LinkedIn, you agree to LinkedIn's Jobs Terms & Conditions. Learn more about using LinkedIn Easy Apply";

/** The bundle and integration type that make a customer an Apply Connect customer (L11, L13). */
export const APPLY_CONNECT = "APPLY_CONNECT";

/** Whether the toggle applies (L30; ASSUMPTION: offered the Apply Connect bundle or holding such an integration). */
export function hasApplyConnect(c: {
  offeredIntegrationTypes: readonly string[];
  integrationTypes: readonly string[];
}) {
  return c.offeredIntegrationTypes.includes(APPLY_CONNECT) || c.integrationTypes.includes(APPLY_CONNECT);
}
