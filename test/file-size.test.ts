// Small files (issue 21 point 7): no TypeScript source file of the repository is over 300 lines. Every .ts and
// .tsx git knows of (tracked, or new and not ignored) counts, tests and scripts included; Prisma's generated
// client (lib/db/generated) is not ours to split. A file that grows past the limit is split along its seams
// (a module per concern), not cut in halves.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const MAX_LINES = 300;
const NOT_OURS = [/^lib\/db\/generated\//, /(^|\/)node_modules\//, /^\.next[^/]*\//];

function sourceFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return listed
    .split("\0")
    .filter((f) => /\.tsx?$/.test(f) && !NOT_OURS.some((p) => p.test(f)))
    .filter((f) => existsSync(join(ROOT, f))); // deleted in the working tree, not yet in git
}

/** Lines as an editor numbers them: a final newline does not start another line. */
function lineCount(text: string): number {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

describe(`no source file is over ${MAX_LINES} lines`, () => {
  it("counts lines as an editor numbers them", () => {
    expect(lineCount("")).toBe(0);
    expect(lineCount("a")).toBe(1);
    expect(lineCount("a\n")).toBe(1);
    expect(lineCount("a\nb\n\n")).toBe(3);
  });

  it("lists the repository's TypeScript sources, without the generated client", () => {
    const files = sourceFiles();
    expect(files).toContain("lib/env.ts");
    expect(files).toContain("test/file-size.test.ts");
    expect(files.filter((f) => f.startsWith("lib/db/generated/"))).toEqual([]);
  });

  it(`every .ts and .tsx has at most ${MAX_LINES} lines`, () => {
    const over = sourceFiles()
      .map((file) => ({ file, lines: lineCount(readFileSync(join(ROOT, file), "utf8")) }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(over.map(({ file, lines }) => `${file}: ${lines}`)).toEqual([]);
  });
});
