// What a person reads names things in plain words (issue 21 item 6): contract ids (C1…C30, L1…L31) belong in
// code comments and docs, never in text a page shows. Every .tsx under app/ and components/ is parsed with the
// TypeScript compiler, comments dropped, and each JSX text and string or template literal is checked.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { type FoundText, textsIn, tsxFiles } from "./tsx-texts";

const ROOT = join(import.meta.dirname, "..");
const CONTRACT_ID = /\b[CL](?:[1-9]|[12][0-9]|3[01])[a-z]?\b/;

/** Every piece of literal text in a source file, with its line: JSX text, string and template literals. */
function literalTexts(fileName: string, text: string): FoundText[] {
  return textsIn(fileName, text, (node, found) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return false;
    if (
      ts.isJsxText(node) ||
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      found(node, node.text);
    return true;
  });
}

describe("text people read cites no contract ids", () => {
  it("finds an id in JSX text and literals, not in comments", () => {
    const found = literalTexts(
      "x.tsx",
      `// C20 in a comment\nconst a = <p>Signature valid (C20)</p>;\nconst b = "(L17)";`,
    );
    expect(found.filter((f) => CONTRACT_ID.test(f.text)).map((f) => f.line)).toEqual([2, 3]);
  });

  it("no page or component shows one", () => {
    const offenders = [...tsxFiles("app"), ...tsxFiles("components")].flatMap((file) =>
      literalTexts(file, readFileSync(file, "utf8"))
        .filter((t) => CONTRACT_ID.test(t.text))
        .map((t) => `${file.slice(ROOT.length + 1)}:${t.line}: ${t.text.trim().slice(0, 80)}`),
    );
    expect(offenders).toEqual([]);
  });
});
