// How a request names integrations, by protocol and family. The protocol is the `X-Restli-Protocol-Version`
// header's alone (L23): 1.0 (`a=1&b=2`, `ids[0].a=`, the seeds' C10–C14) or 2.0 (`(a:1,b:2)`, `ids=List(…)`,
// L24). The family is the path's: `/v2/` keys carry `dataProvider`, `/rest/` keys do not (L22).
import {
  formatAnswerKey,
  formatRequestKey,
  type IntegrationKey,
  KEY_FIELDS,
  type Parsed,
  parseCompoundKey,
  parseIdsQuery,
} from "./compound-key";
import type { RequestContext } from "./http-io";
import { canonical2, type Key2, parseKey2, parseList2, parsePathKey2, rawQuery } from "./restli2";

export type Family = "v2" | "rest";

export interface KeySyntax {
  protocol: "1.0" | "2.0";
  family: Family;
  /** The ids of a batch call in the query; other parameters must be in `allowed`. */
  ids(url: URL, allowed?: readonly string[]): Parsed<IntegrationKey[]>;
  /** A key of the body's `entities`. */
  entityKey(raw: string): Parsed<IntegrationKey>;
  /** The key of an answer (C14: reordered and encoded on 1.0; L25: canonical on 2.0). */
  answerKey(key: IntegrationKey, style: "answer" | "documented"): string;
}

export function protocolOf(ctx: RequestContext): "1.0" | "2.0" | { error: string } {
  const v = ctx.header("x-restli-protocol-version");
  if (v === undefined || v === "1.0.0") return "1.0";
  if (v === "2.0.0") return "2.0";
  return { error: `X-Restli-Protocol-Version must be 1.0.0 or 2.0.0, got "${v}" (L24)` };
}

const REST_FIELDS = ["integrationContext", "integrationType", "tenantType"] as const;

/** A 2.0 key as an integration key of the family: exactly its parts (L22: no dataProvider on rest). */
export function integrationKeyOf(key: Key2, family: Family): Parsed<IntegrationKey> {
  const fields: readonly string[] = family === "rest" ? REST_FIELDS : KEY_FIELDS;
  const extra = Object.keys(key).filter((k) => !fields.includes(k));
  if (extra.length)
    return {
      ok: false,
      error: `unexpected key part(s) ${extra.join(", ")}${family === "rest" && extra.includes("dataProvider") ? " (rest/integrations keys have no dataProvider, L22)" : ""}`,
    };
  const missing = fields.filter((f) => key[f] === undefined);
  if (missing.length) return { ok: false, error: `missing key part(s): ${missing.join(", ")}` };
  return {
    ok: true,
    value: {
      integrationContext: key.integrationContext as string,
      integrationType: key.integrationType as string,
      tenantType: key.tenantType as string,
      dataProvider: family === "rest" ? "ATS" : (key.dataProvider as string),
    },
  };
}

function partsOf(key: IntegrationKey, family: Family): Key2 {
  const { dataProvider, ...rest } = key;
  return family === "rest" ? rest : { ...rest, dataProvider };
}

/** `ids=List((…),…)` of a 2.0 request, read from the raw query; `allowed` other parameters pass. */
export function idsOf2(url: URL, family: Family, allowed: readonly string[] = []): Parsed<IntegrationKey[]> {
  const q = rawQuery(url.search);
  if (!q.ok) return q;
  for (const name of q.value.keys())
    if (name !== "ids" && !allowed.includes(name)) return { ok: false, error: `unexpected query parameter "${name}"` };
  const raw = q.value.get("ids");
  if (raw === undefined) return { ok: true, value: [] };
  const list = parseList2(raw);
  if (!list.ok) return list;
  const keys: IntegrationKey[] = [];
  for (const item of list.value) {
    if (typeof item === "string") return { ok: false, error: `ids must be compound keys, got "${item}"` };
    const key = integrationKeyOf(item, family);
    if (!key.ok) return key;
    keys.push(key.value);
  }
  return { ok: true, value: keys };
}

export function keySyntax(protocol: "1.0" | "2.0", family: Family): KeySyntax {
  if (protocol === "1.0")
    return {
      protocol,
      family,
      ids: (url, allowed) => parseIdsQuery(url.searchParams, allowed),
      entityKey: parseCompoundKey,
      answerKey: (key, style) => (style === "documented" ? formatRequestKey(key) : formatAnswerKey(key)),
    };
  return {
    protocol,
    family,
    ids: (url, allowed) => idsOf2(url, family, allowed),
    entityKey: (raw) => {
      const k = parseKey2(raw, "body");
      return k.ok ? integrationKeyOf(k.value, family) : k;
    },
    answerKey: (key) => canonical2(partsOf(key, family)),
  };
}

/** A 2.0 path key of v2's configurations (L24: literal or encoded). */
export function pathKey2(segment: string): Parsed<IntegrationKey> {
  const k = parsePathKey2(segment);
  return k.ok ? integrationKeyOf(k.value, "v2") : k;
}
