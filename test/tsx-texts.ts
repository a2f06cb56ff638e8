// Texts of a .tsx source found with the TypeScript compiler, each with its line, for the tests that check what people
// read (test/plain-words.test.ts, test/catalogues.test.ts). Comments are never visited.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const ROOT = join(import.meta.dirname, "..");

export type FoundText = { line: number; text: string };

/**
 * Visits every node of the source; `visit` records a text with `found(node, text)` (the line is the node's) and
 * returns false to leave the node's children unread.
 */
export function textsIn(
  fileName: string,
  text: string,
  visit: (node: ts.Node, found: (at: ts.Node, text: string) => void) => boolean | undefined,
): FoundText[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: FoundText[] = [];
  const found = (at: ts.Node, value: string) => {
    out.push({ line: source.getLineAndCharacterOfPosition(at.getStart()).line + 1, text: value });
  };
  const walk = (node: ts.Node) => {
    if (visit(node, found) === false) return;
    ts.forEachChild(node, walk);
  };
  walk(source);
  return out;
}

/** The .tsx files at a path from the repository root: the file itself, or every one below the folder. */
export function tsxFiles(path: string): string[] {
  if (path.endsWith(".tsx")) return [join(ROOT, path)];
  return readdirSync(join(ROOT, path), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".tsx"))
    .map((e) => join(e.parentPath, e.name));
}
