// Rest.li compound keys of atsIntegrations (C10–C14). LinkedIn answers with the same keys in
// another order and URL-encoded (C14), so both sides must parse them, never compare strings.

export const KEY_FIELDS = ["integrationContext", "integrationType", "tenantType", "dataProvider"] as const;
export type KeyField = (typeof KEY_FIELDS)[number];
export type IntegrationKey = Record<KeyField, string>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

function isKeyField(name: string): name is KeyField {
  return (KEY_FIELDS as readonly string[]).includes(name);
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch (err) {
    if (err instanceof URIError) return null;
    throw err;
  }
}

/** Parses `integrationContext=..&integrationType=..&tenantType=..&dataProvider=ATS` in any order, values URL-decoded. */
export function parseCompoundKey(raw: string): Parsed<IntegrationKey> {
  if (!raw) return fail("empty compound key");
  const fields: Partial<IntegrationKey> = {};
  for (const part of raw.split("&")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return fail(`"${part}" is not a name=value pair`);
    const name = decode(part.slice(0, eq));
    const value = decode(part.slice(eq + 1));
    if (name === null || value === null) return fail(`"${part}" has malformed percent-encoding`);
    if (!isKeyField(name)) return fail(`unknown key field "${name}"`);
    if (fields[name] !== undefined) return fail(`key field "${name}" appears twice`);
    fields[name] = value;
  }
  return completeKey(fields);
}

function completeKey(fields: Partial<IntegrationKey>): Parsed<IntegrationKey> {
  const missing = KEY_FIELDS.filter((f) => fields[f] === undefined);
  if (missing.length > 0) return fail(`missing key field(s): ${missing.join(", ")}`);
  return ok(fields as IntegrationKey);
}

const CONTEXT = /^urn:li:(organization|contract):[A-Za-z0-9]+$/;
const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;

/**
 * L28: Talent CRM Connect's types. Their dataProvider is unknown (CRM data endpoints use PARTNER): both are taken.
 * IN_CRM_INDICATOR is named by third parties only (ASSUMPTION).
 */
export const CRM_INTEGRATION_TYPES = ["CRM_CSA_API", "CRM_ONE_CLICK_EXPORT", "IN_CRM_INDICATOR"];

/** What LinkedIn would refuse in a well-formed key (C12, L28). Null when the key is acceptable. */
export function keyProblem(key: IntegrationKey): string | null {
  const crm = CRM_INTEGRATION_TYPES.includes(key.integrationType);
  if (key.dataProvider !== "ATS" && !(crm && key.dataProvider === "PARTNER"))
    return crm
      ? `dataProvider must be ATS or PARTNER, got "${key.dataProvider}" (L28)`
      : `dataProvider must be ATS, got "${key.dataProvider}" (C12)`;
  if (!CONTEXT.test(key.integrationContext))
    return `integrationContext must be urn:li:organization:{id} or urn:li:contract:{id}, got "${key.integrationContext}" (C12)`;
  if (!ENUM_VALUE.test(key.integrationType)) return `integrationType "${key.integrationType}" is not an enum value`;
  if (!ENUM_VALUE.test(key.tenantType)) return `tenantType "${key.tenantType}" is not an enum value`;
  return null;
}

/** The order and encoding LinkedIn answers with (seed 001 sample response, C14). */
export function formatAnswerKey(key: IntegrationKey): string {
  return (["integrationType", "tenantType", "dataProvider", "integrationContext"] as const)
    .map((f) => `${f}=${encodeURIComponent(key[f])}`)
    .join("&");
}

/** The order and (absent) encoding of the documented request body key (C11). */
export function formatRequestKey(key: IntegrationKey): string {
  return KEY_FIELDS.map((f) => `${f}=${key[f]}`).join("&");
}

/** Order-insensitive identity of a key, for comparing sets. */
export function keyIdentity(key: IntegrationKey): string {
  return JSON.stringify(KEY_FIELDS.map((f) => key[f]));
}

const ID_PARAM = /^ids\[(\d+)\]\.([A-Za-z]+)$/;

/**
 * Parses `ids[0].integrationContext=..&ids[0].integrationType=..` (C10, C19b). Indices must run 0..n-1
 * with every field present; any other parameter than `allowed` is refused.
 */
export function parseIdsQuery(params: URLSearchParams, allowed: readonly string[] = []): Parsed<IntegrationKey[]> {
  const slots = new Map<number, Partial<IntegrationKey>>();
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (seen.has(name)) return fail(`query parameter "${name}" appears twice`);
    seen.add(name);
    const m = ID_PARAM.exec(name);
    if (!m) {
      if (allowed.includes(name)) continue;
      return fail(`unexpected query parameter "${name}"`);
    }
    const index = Number(m[1]);
    const field = m[2] ?? "";
    if (!isKeyField(field)) return fail(`unknown key field "${field}" in "${name}"`);
    const slot = slots.get(index) ?? {};
    slot[field] = value;
    slots.set(index, slot);
  }
  const keys: IntegrationKey[] = [];
  for (let i = 0; i < slots.size; i++) {
    const slot = slots.get(i);
    if (!slot) return fail(`ids indices must run from 0 to ${slots.size - 1} without gaps (ids[${i}] is missing)`);
    const key = completeKey(slot);
    if (!key.ok) return fail(`ids[${i}]: ${key.error}`);
    keys.push(key.value);
  }
  return ok(keys);
}
