// The integration tuple and its compound key (C7, C10–C12, C14, C19b). Pure: no I/O, unit-tested.
//
// LinkedIn keys every atsIntegrations entity by four fields. It hands keys back in another field
// order and URL-encoded (C14), so a key is always PARSED into a tuple and compared by tupleId(),
// never compared as a string.

import { unlessThrown } from "@/lib/errors/unless-thrown";
import { type DataProvider, dataProviderFor, isDataProvider } from "./data-provider";

/** The dataProvider of RSC and Apply tuples (C12); per type in ./data-provider.ts (L28). */
export const DATA_PROVIDER = "ATS" as const;

/** One integration as the widget's onintegrate callback hands it (C7), plus dataProvider (C12, L28). */
export interface IntegrationTuple {
  integrationContext: string;
  integrationType: string;
  tenantType: string;
  dataProvider: DataProvider;
}

/** The fields of a compound key, in the order LinkedIn's samples write them (C11). */
export const COMPOUND_KEY_FIELDS = ["integrationContext", "integrationType", "tenantType", "dataProvider"] as const;
type CompoundKeyField = (typeof COMPOUND_KEY_FIELDS)[number];

export class CompoundKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CompoundKeyError";
  }
}

/** Builds a tuple from the widget's three values; dataProvider as given, else the type's (C12, L28). */
export function integrationTuple(t: {
  integrationContext: string;
  integrationType: string;
  tenantType: string;
  dataProvider?: string;
}): IntegrationTuple {
  return {
    integrationContext: t.integrationContext,
    integrationType: t.integrationType,
    tenantType: t.tenantType,
    dataProvider:
      t.dataProvider !== undefined && isDataProvider(t.dataProvider)
        ? t.dataProvider
        : dataProviderFor(t.integrationType),
  };
}

// Values are percent-encoded so that "&", "=" and "%" inside a value can not break the key, but ":"
// stays readable because LinkedIn's own request sample writes urn:li:organization:… unencoded (C11).
function encodeKeyValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ":");
}

/**
 * "integrationContext=..&integrationType=..&tenantType=..&dataProvider=ATS" (C11): the entity key of a
 * batch_partial_update body. Also the canonical form used for maps (see tupleId).
 */
export function compoundKey(t: IntegrationTuple): string {
  return COMPOUND_KEY_FIELDS.map((f) => `${f}=${encodeKeyValue(t[f])}`).join("&");
}

/**
 * The compound key as one URL path segment (…/atsIntegrations/{key}/configurations, C15): every value
 * fully percent-encoded (":" too), the "=" and "&" delimiters kept, as Rest.li writes keys in paths.
 */
export function compoundKeyPathSegment(t: IntegrationTuple): string {
  return COMPOUND_KEY_FIELDS.map((f) => `${f}=${encodeURIComponent(t[f])}`).join("&");
}

/** A canonical string for one tuple, for Map keys and de-duplication. Never sent to LinkedIn. */
export function tupleId(t: IntegrationTuple): string {
  return compoundKey(t);
}

export function sameTuple(a: IntegrationTuple, b: IntegrationTuple): boolean {
  return tupleId(a) === tupleId(b);
}

function isCompoundKeyField(name: string): name is CompoundKeyField {
  return (COMPOUND_KEY_FIELDS as readonly string[]).includes(name);
}

function decode(part: string, key: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // Malformed percent-encoding: the key is unusable; say which one.
    throw new CompoundKeyError(`compound key "${key}" has malformed percent-encoding`);
  }
}

/**
 * Parses a compound key written in any field order, with values URL-encoded or not (C14), e.g.
 * "integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A4gX03uw".
 * A key whose delimiters were encoded as well ("integrationContext%3Durn…%26…") is decoded once first.
 * Throws CompoundKeyError when a field is missing, repeated or unknown, or dataProvider is neither ATS nor PARTNER.
 */
export function parseCompoundKey(key: string): IntegrationTuple {
  let text = key.trim();
  if (!text.includes("=") && /%3D/i.test(text)) text = decode(text, key);
  const fields: Partial<Record<CompoundKeyField, string>> = {};
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new CompoundKeyError(`compound key "${key}" has a part without "name=value": "${pair}"`);
    const name = decode(pair.slice(0, eq), key);
    const value = decode(pair.slice(eq + 1), key);
    if (!isCompoundKeyField(name)) throw new CompoundKeyError(`compound key "${key}" has an unknown field "${name}"`);
    if (fields[name] !== undefined) throw new CompoundKeyError(`compound key "${key}" repeats the field "${name}"`);
    fields[name] = value;
  }
  for (const f of COMPOUND_KEY_FIELDS) {
    if (!fields[f]) throw new CompoundKeyError(`compound key "${key}" lacks the field "${f}"`);
  }
  // C12: ATS; L28: a CRM tuple's may be PARTNER, so both are accepted and kept as LinkedIn wrote them.
  const dataProvider = fields.dataProvider as string;
  if (!isDataProvider(dataProvider)) {
    throw new CompoundKeyError(
      `compound key "${key}" has dataProvider "${dataProvider}", expected "ATS" or "PARTNER" (C12, L28)`,
    );
  }
  return integrationTuple({
    integrationContext: fields.integrationContext as string,
    integrationType: fields.integrationType as string,
    tenantType: fields.tenantType as string,
    dataProvider,
  });
}

/** parseCompoundKey that answers undefined instead of throwing, for keys of foreign entities. */
export function tryParseCompoundKey(key: string): IntegrationTuple | undefined {
  return unlessThrown(() => parseCompoundKey(key), CompoundKeyError, undefined);
}

/**
 * "ids[0].integrationContext=urn%3Ali%3A…&ids[0].integrationType=…&ids[0].tenantType=…&ids[0].dataProvider=ATS&ids[1]…"
 * (C10, C19b). Values are fully percent-encoded; the "ids[i].field" names are written as LinkedIn
 * documents them (brackets literal, which URL parsers keep as they are in a query).
 */
export function idsQuery(tuples: readonly IntegrationTuple[]): string {
  return tuples
    .flatMap((t, i) => COMPOUND_KEY_FIELDS.map((f) => `ids[${i}].${f}=${encodeURIComponent(t[f])}`))
    .join("&");
}
