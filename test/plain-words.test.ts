// What a person reads names things in plain words (issue 21 item 6): contract ids (C1…C30, L1…L31) belong in
// code comments and docs, never in text a page shows. Every .tsx under app/ and components/ is parsed with the
// TypeScript compiler, comments dropped, and each JSX text and string or template literal is checked.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const CONTRACT_ID = /\b[CL](?:[1-9]|[12][0-9]|3[01])[a-z]?\b/;

function tsxFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".tsx"))
    .map((e) => join(e.parentPath, e.name));
}

/** Every piece of literal text in a source file, with its line: JSX text, string and template literals. */
function literalTexts(fileName: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (
      ts.isJsxText(node) ||
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      out.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
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
