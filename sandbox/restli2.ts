// Rest.li protocol 2.0 as LinkedIn's servers read it (L24, L25), strictly. Written apart from the portal's
// encoder on purpose (a shared module would hide a shared mistake): a scanner over the raw text.
// - `(a:1,b:2)` keys, `List(…)` lists, `''` the empty string; no other nesting.
// - form "url" (a query or path): every value fully percent-encoded, only `( : , )` literal; a raw character
//   outside RFC 3986's unreserved set in a value is refused.
// - form "body" (JSON keys, headers): `% , ( ) ' :` must be encoded; anything else may be literal.
// - 1.0 syntax (`a=1&b=2`, `ids[0].a=`) is refused with its own message: a 2.0 server does not understand it.

export type Key2 = Record<string, string>;
export type Parsed2<T> = { ok: true; value: T } | { ok: false; error: string };

const UNRESERVED_OR_PCT = /^(?:[A-Za-z0-9\-._~]|%[0-9A-Fa-f]{2})*$/;
const ONE_O = "Rest.li 1.0 syntax under X-Restli-Protocol-Version 2.0.0 (L24)";

class Scan {
  i = 0;
  constructor(
    readonly text: string,
    readonly form: "url" | "body",
  ) {}
  fail(why: string): never {
    throw new SyntaxError(`${why} at character ${this.i} of "${this.text}"`);
  }
  eat(c: string): void {
    if (this.text[this.i] !== c) this.fail(`expected "${c}"`);
    this.i += 1;
  }
  atom(): string {
    const start = this.i;
    while (this.i < this.text.length && !"(),:".includes(this.text[this.i] as string)) this.i += 1;
    const raw = this.text.slice(start, this.i);
    if (raw === "''") return "";
    if (raw === "") this.fail("empty value (the empty string is written '')");
    if (raw.includes("'")) this.fail(`unencoded "'" in "${raw}"`);
    if (this.form === "url" && !UNRESERVED_OR_PCT.test(raw)) this.fail(`"${raw}" is not fully percent-encoded`);
    try {
      return decodeURIComponent(raw);
    } catch {
      return this.fail(`malformed percent-encoding in "${raw}"`);
    }
  }
  key(): Key2 {
    this.eat("(");
    const out: Key2 = {};
    if (this.text[this.i] === ")") this.fail("a compound key needs at least one part");
    for (;;) {
      const name = this.atom();
      this.eat(":");
      if (this.text[this.i] === "(") this.fail(`nested value for "${name}" (not a part of these keys)`);
      if (Object.hasOwn(out, name)) this.fail(`"${name}" appears twice`);
      out[name] = this.atom();
      if (this.text[this.i] === ")") break;
      this.eat(",");
    }
    this.eat(")");
    return out;
  }
  end(): void {
    if (this.i !== this.text.length) this.fail("unexpected text after the end");
  }
}

function looksLike10(text: string): boolean {
  return !text.startsWith("(") && !text.startsWith("List(") && /=|%3D/i.test(text);
}

function run<T>(text: string, form: "url" | "body", read: (s: Scan) => T): Parsed2<T> {
  if (looksLike10(text)) return { ok: false, error: `${ONE_O}: "${text.slice(0, 80)}"` };
  try {
    const s = new Scan(text, form);
    const value = read(s);
    s.end();
    return { ok: true, value };
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}

/** One compound key `(a:1,b:2)` in `form`. */
export function parseKey2(text: string, form: "url" | "body"): Parsed2<Key2> {
  return run(text, form, (s) => s.key());
}

/**
 * A path key (L24: "accepted literal and encoded"): `(a:urn%3Ali%3A1,…)` as written, or the whole key
 * percent-encoded once more (`%28a%3Aurn%253Ali…%29`).
 */
export function parsePathKey2(segment: string): Parsed2<Key2> {
  // Literal keys have their ":" delimiters; an encoded one has none (brackets may or may not be encoded).
  if (!segment.includes(":") && /%3A/i.test(segment)) {
    try {
      return parseKey2(decodeURIComponent(segment), "url");
    } catch {
      return { ok: false, error: `malformed percent-encoding in the path key "${segment}"` };
    }
  }
  return parseKey2(segment, "url");
}

/** `List((…),(…))` of keys, or `List(A,B)` of values, as written in a URL. */
export function parseList2(text: string): Parsed2<(Key2 | string)[]> {
  if (!text.startsWith("List(")) return { ok: false, error: `expected List(…), got "${text.slice(0, 80)}"` };
  return run(text, "url", (s) => {
    s.i = 5;
    const items: (Key2 | string)[] = [];
    if (s.text[s.i] === ")") {
      s.i += 1;
      return items;
    }
    for (;;) {
      items.push(s.text[s.i] === "(" ? s.key() : s.atom());
      if (s.text[s.i] === ")") break;
      s.eat(",");
    }
    s.eat(")");
    return items;
  });
}

/** The raw (undecoded) query parameters: 2.0 values must not be decoded before they are parsed. */
export function rawQuery(search: string): Parsed2<Map<string, string>> {
  const out = new Map<string, string>();
  for (const pair of search.replace(/^\?/, "").split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (/^ids(\[|%5B)/i.test(name)) return { ok: false, error: `${ONE_O}: "${name}"` };
    if (out.has(name)) return { ok: false, error: `query parameter "${name}" appears twice` };
    out.set(name, eq < 0 ? "" : pair.slice(eq + 1));
  }
  return { ok: true, value: out };
}

/** The canonical key of an answer (L25): parts sorted by name, `% , ( ) ' :` encoded. */
export function canonical2(key: Key2): string {
  const enc = (v: string) =>
    v === "" ? "''" : v.replace(/[%,()':]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `(${Object.keys(key)
    .sort()
    .map((k) => `${enc(k)}:${enc(key[k] as string)}`)
    .join(",")})`;
}
