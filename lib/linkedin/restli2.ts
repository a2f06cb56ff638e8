// Rest.li protocol 2.0 keys and lists (L24, L25), the encoding of the versioned `rest/` family. Pure, unit-tested.
//
// A compound key is `(a:1,b:2)`; a batch of ids is `List((…),(…))`; the empty string is `''`. In a URL every
// value is fully percent-encoded (`urn%3Ali%3Aorganization%3A123`) while the delimiters `( : , )` stay literal;
// in bodies and headers only `% , ( ) ' :` are encoded ("reduced" encoding). Answers key their entries
// canonically, parts sorted by name (L25): a key is always decoded and compared field by field, never as text.
// The sandbox has its own, stricter parser (sandbox/restli2.ts): the two are written apart on purpose.

export type RestliKey = Record<string, string>;

export class RestliSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestliSyntaxError";
  }
}

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/** A value in a URL: everything but unreserved characters percent-encoded, `( ) '` and `!*` too. */
export function encodeUrlValue(value: string): string {
  if (value === "") return "''";
  return encodeURIComponent(value).replace(/[()'!*]/g, hex);
}

/** A value in a body or header: only `% , ( ) ' :` encoded (L24). */
export function encodeBodyValue(value: string): string {
  if (value === "") return "''";
  return value.replace(/[%,()':]/g, hex);
}

type Form = "url" | "body";
const encoderOf = (form: Form) => (form === "url" ? encodeUrlValue : encodeBodyValue);

/** `(a:1,b:2)` with the fields in the order given. */
export function encodeKey(key: RestliKey, form: Form): string {
  const enc = encoderOf(form);
  return `(${Object.entries(key)
    .map(([name, value]) => `${enc(name)}:${enc(value)}`)
    .join(",")})`;
}

/** The canonical form LinkedIn keys its answers with (L25): parts sorted by name, body encoding. */
export function canonicalKey(key: RestliKey): string {
  const sorted: RestliKey = {};
  for (const name of Object.keys(key).sort()) sorted[name] = key[name] as string;
  return encodeKey(sorted, "body");
}

/** `List((…),(…))`: a batch of compound keys, or of plain values (`List(A,B)`). */
export function encodeList(items: readonly (RestliKey | string)[], form: Form): string {
  const enc = encoderOf(form);
  return `List(${items.map((i) => (typeof i === "string" ? enc(i) : encodeKey(i, form))).join(",")})`;
}

function decodeValue(raw: string, whole: string): string {
  if (raw === "''") return "";
  if (raw === "") throw new RestliSyntaxError(`"${whole}" has an empty value (write '' for the empty string)`);
  if (/[(),:']/.test(raw)) throw new RestliSyntaxError(`"${whole}" has an unencoded delimiter in "${raw}"`);
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new RestliSyntaxError(`"${whole}" has malformed percent-encoding in "${raw}"`);
  }
}

/** Splits `inner` at top-level commas (no nesting is used by the keys Onramp reads). */
function splitTop(inner: string, whole: string): string[] {
  if (inner === "") return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i += 1) {
    const c = inner[i];
    if (c === "(") depth += 1;
    else if (c === ")") depth -= 1;
    if (depth < 0) throw new RestliSyntaxError(`"${whole}" closes a bracket it never opened`);
    if (c === "," && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw new RestliSyntaxError(`"${whole}" leaves a bracket open`);
  parts.push(inner.slice(start));
  return parts;
}

/** Decodes `(a:1,b:2)` in either encoding. Throws RestliSyntaxError on 1.0 syntax or any malformed key. */
export function decodeKey(text: string): RestliKey {
  if (!text.startsWith("(") || !text.endsWith(")"))
    throw new RestliSyntaxError(`"${text}" is not a Rest.li 2.0 compound key "(name:value,…)"`);
  const key: RestliKey = {};
  for (const part of splitTop(text.slice(1, -1), text)) {
    const colon = part.indexOf(":");
    if (colon <= 0) throw new RestliSyntaxError(`"${text}" has a part without "name:value": "${part}"`);
    const name = decodeValue(part.slice(0, colon), text);
    if (name in key) throw new RestliSyntaxError(`"${text}" repeats the field "${name}"`);
    key[name] = decodeValue(part.slice(colon + 1), text);
  }
  return key;
}

/** Decodes `List((…),(…))` into keys, or `List(A,B)` into values. */
export function decodeList(text: string): (RestliKey | string)[] {
  if (!text.startsWith("List(") || !text.endsWith(")"))
    throw new RestliSyntaxError(`"${text}" is not a Rest.li 2.0 list "List(…)"`);
  return splitTop(text.slice(5, -1), text).map((item) =>
    item.startsWith("(") ? decodeKey(item) : decodeValue(item, text),
  );
}
