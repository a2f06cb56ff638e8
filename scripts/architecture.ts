// `npm test -- architecture` (and the "architecture" stage of `npm test`): the import rules of docs/ARCHITECTURE.md,
// checked by dependency-cruiser (.dependency-cruiser.cjs) against the known violations (scripts/architecture/baseline.ts).
// Exits 1 on a violation not in that list or a listed one that is gone. An argument checks another tree (its test).
import { resolve } from "node:path";
import { checkArchitecture, explain } from "./architecture/check";
import { KNOWN_VIOLATIONS } from "./architecture/baseline";

const verdict = await checkArchitecture(resolve(process.argv[2] ?? "."), KNOWN_VIOLATIONS);
const problems = explain(verdict);
if (problems.length) {
  console.error(`[architecture] ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`[architecture] the import rules hold (${KNOWN_VIOLATIONS.length} known violations left to remove).`);
