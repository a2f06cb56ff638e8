// Test support: the inverse of idsQuery (lib/linkedin/compound-key.ts), for tests that check the query
// Onramp sent (C10). Kept out of the client's public API: nothing in the product reads an ids query.
import {
  COMPOUND_KEY_FIELDS,
  CompoundKeyError,
  DATA_PROVIDER,
  type IntegrationTuple,
  integrationTuple,
} from "../compound-key";

type CompoundKeyField = (typeof COMPOUND_KEY_FIELDS)[number];

function isCompoundKeyField(name: string): name is CompoundKeyField {
  return (COMPOUND_KEY_FIELDS as readonly string[]).includes(name);
}

/**
 * Reads an ids[i].field query back into tuples (LinkedIn's side of C10), for tests that read what Onramp sent. The sandbox has its own strict reader (sandbox/compound-key.ts).
 * Accepts percent-encoded brackets too ("ids%5B0%5D.integrationType").
 */
export function parseIdsQuery(params: URLSearchParams): IntegrationTuple[] {
  const byIndex = new Map<number, Partial<Record<CompoundKeyField, string>>>();
  for (const [name, value] of params) {
    const m = /^ids\[(\d+)\]\.(\w+)$/.exec(name);
    if (!m) continue;
    const field = m[2] as string;
    if (!isCompoundKeyField(field)) throw new CompoundKeyError(`query parameter "${name}" names an unknown field`);
    const index = Number(m[1]);
    const entry = byIndex.get(index) ?? {};
    entry[field] = value;
    byIndex.set(index, entry);
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, fields]) => {
      for (const f of COMPOUND_KEY_FIELDS) {
        if (!fields[f]) throw new CompoundKeyError(`ids[${index}] lacks the field "${f}"`);
      }
      if (fields.dataProvider !== DATA_PROVIDER)
        throw new CompoundKeyError(`ids[${index}].dataProvider must be "${DATA_PROVIDER}" (C12)`);
      return integrationTuple({
        integrationContext: fields.integrationContext as string,
        integrationType: fields.integrationType as string,
        tenantType: fields.tenantType as string,
      });
    });
}
