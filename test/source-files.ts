// The project's own source files, for tests that check a rule holds in every file ("only one module takes advisory
// locks", "only one module spells out the active job statuses"): .ts and .tsx under the given top folders, without
// tests and generated code, each with its path from the repository root and its text.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..");

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : filesUnder(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Source files under `folders` (e.g. ["app", "components", "lib"]) other than `except` (paths from the root, "/"). */
function sourceFiles(folders: readonly string[], except: string): { path: string; text: string }[] {
  return folders
    .flatMap((folder) => filesUnder(join(ROOT, folder)))
    .map((path) => ({ path: relative(ROOT, path).split("\\").join("/"), text: readFileSync(path, "utf8") }))
    .filter((f) => f.path !== except);
}

/** The paths of the source files under `folders`, other than `except`, whose text matches one of `patterns`. */
export function filesMatching(folders: readonly string[], except: string, patterns: readonly RegExp[]): string[] {
  return sourceFiles(folders, except)
    .filter((f) => patterns.some((re) => re.test(f.text)))
    .map((f) => f.path);
}
