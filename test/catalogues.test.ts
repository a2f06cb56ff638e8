// Missing translations fail the build, not the page (issue 25 point 3): every catalogue has exactly the English
// catalogue's keys, each message takes the same arguments as the English one, and no customer-facing component
// carries English text of its own (JSX text and the attributes people read are parsed with the TypeScript compiler).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { type FoundText, textsIn, tsxFiles } from "./tsx-texts";

const ROOT = join(import.meta.dirname, "..");
const MESSAGES = join(ROOT, "lib/i18n/messages");

type Tree = { [key: string]: string | Tree };

function catalogue(locale: string): Tree {
  return JSON.parse(readFileSync(join(MESSAGES, `${locale}.json`), "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The top-level arguments a message names ({name}, {n, plural, …}); nested ones inside a branch count too. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z][\w]*)\s*[,}]/g)].map((m) => m[1] ?? ""))].sort();
}

describe("message catalogues", () => {
  const english = flatten(catalogue("en"));

  it("ships one catalogue per language and nothing else", () => {
    const files = readdirSync(MESSAGES).filter((f) => f.endsWith(".json"));
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has every English key, no other, and the same arguments", (locale) => {
    const other = flatten(catalogue(locale));
    expect([...english.keys()].filter((k) => !other.has(k))).toEqual([]);
    expect([...other.keys()].filter((k) => !english.has(k))).toEqual([]);
    const differing = [...english].filter(([k, m]) => argumentsOf(m).join() !== argumentsOf(other.get(k) ?? "").join());
    expect(differing.map(([k]) => k)).toEqual([]);
    expect([...other].filter(([, m]) => m.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("finds a missing argument", () => {
    expect(argumentsOf("{what} failed after {attempts, plural, one {# attempt} other {# attempts}}")).toEqual([
      "attempts",
      "what",
    ]);
  });
});

/** What a customer admin reads (issue 25 point 1); staff pages may stay English. */
const CUSTOMER_FACING = [
  "app/integrations",
  "app/sign-in",
  "app/admin-link",
  "app/invite",
  "app/link-not-valid",
  "components/integrations",
  "components/auth",
  "components/layout",
  // The kit's pieces the customer admin's forms use: they show only the words they are given.
  "components/ui/field.tsx",
  "components/ui/field-error.tsx",
  "components/ui/form-message.tsx",
  "components/ui/submit-button.tsx",
  "lib/email/templates/invitation.tsx",
  "lib/email/templates/nudges.tsx",
  "lib/email/templates/layout.tsx",
];

/** Attributes whose value a person reads or hears. */
const READ_ATTRIBUTES = new Set(["aria-label", "alt", "title", "placeholder", "label", "pendingLabel", "hint"]);
const WORDS = /\p{L}{2,}/u;

/** Literal words in JSX: text between tags, string children ({"…"}) and read attributes. */
function literalWords(fileName: string, text: string): FoundText[] {
  return textsIn(fileName, text, (node, found) => {
    const push = (at: ts.Node, value: string) => {
      if (WORDS.test(value)) found(at, value);
    };
    if (ts.isJsxText(node)) push(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) push(e, e.text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) push(init, init.text);
      if (ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression))
        push(init.expression, init.expression.text);
    }
    return true;
  });
}

describe("customer-facing components carry no English of their own", () => {
  it("finds text, string children and read attributes, not class names or ids", () => {
    const found = literalWords(
      "x.tsx",
      `const a = <p className="text-sm" data-testid="x">Hello</p>;\nconst b = <b aria-label="Panel">{"Hi there"}</b>;\nconst c = <i>{t("ok")} · {n}</i>;`,
    );
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [1, "Hello"],
      [2, "Panel"],
      [2, "Hi there"],
    ]);
  });

  it("every customer-facing .tsx takes its words from the catalogues", () => {
    const offenders = CUSTOMER_FACING.flatMap(tsxFiles).flatMap((file) =>
      literalWords(file, readFileSync(file, "utf8")).map(
        (t) => `${file.slice(ROOT.length + 1)}:${t.line}: ${t.text.trim().slice(0, 80)}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
