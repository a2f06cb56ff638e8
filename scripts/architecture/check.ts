// The architecture check (issue 21 point 3): dependency-cruiser applies the rules of .dependency-cruiser.cjs to
// app/, components/ and lib/ of a tree; what it finds is compared with the known violations (./baseline.ts). A
// violation not in that list fails, and so does a listed one that is gone, so the list only shrinks.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const repoRoot = join(import.meta.dirname, "..", "..");
const CONFIG = join(repoRoot, ".dependency-cruiser.cjs");
const DEPCRUISE = join(repoRoot, "node_modules", ".bin", "depcruise");
const CHECKED_FOLDERS = ["app", "components", "lib", "server"];

export interface Violation {
  rule: string;
  from: string;
  to: string;
  /** One loop the dependency is part of, for cycle rules. */
  via: string[];
}

export interface Verdict {
  /** Violations not in the baseline: each fails the check. */
  found: Violation[];
  /** Baseline entries that no longer occur: remove them from the list. */
  gone: string[];
}

/** The key a baseline lists a violation by: "rule: from → to". */
export const violationKey = (v: Pick<Violation, "rule" | "from" | "to">) => `${v.rule}: ${v.from} → ${v.to}`;

interface CruiseViolation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: ({ name: string } | string)[];
  via?: ({ name: string } | string)[];
}

function readViolations(json: string): Violation[] {
  const parsed: { summary?: { violations?: CruiseViolation[] } } = JSON.parse(json);
  const violations = parsed.summary?.violations;
  if (!violations) throw new Error("dependency-cruiser answered without a summary of violations");
  const names = (list: CruiseViolation["cycle"]) => (list ?? []).map((m) => (typeof m === "string" ? m : m.name));
  return violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, via: names(v.cycle ?? v.via) }));
}

/** Runs dependency-cruiser on the tree at `root` and answers every rule violation it finds. */
export function cruise(root: string): Promise<Violation[]> {
  const folders = CHECKED_FOLDERS.filter((f) => existsSync(join(root, f)));
  return new Promise((resolve, reject) => {
    const child = spawn(DEPCRUISE, [...folders, "--config", CONFIG, "--output-type", "json", "--no-progress"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
    });
    child.on("error", reject);
    // depcruise exits non-zero when it finds violations; its JSON report is complete either way.
    child.on("close", (code) => {
      try {
        resolve(readViolations(out));
      } catch (e) {
        reject(new Error(`dependency-cruiser failed (exit ${code}): ${err.trim() || String(e)}`));
      }
    });
  });
}

export async function checkArchitecture(root: string, baseline: readonly string[]): Promise<Verdict> {
  const violations = await cruise(root);
  const known = new Set(baseline);
  const seen = new Set(violations.map(violationKey));
  return {
    found: violations.filter((v) => !known.has(violationKey(v))),
    gone: baseline.filter((key) => !seen.has(key)),
  };
}

/** The verdict as lines a person can act on; empty when the check passes. */
export function explain(verdict: Verdict): string[] {
  return [
    ...verdict.found.map(
      (v) =>
        `${violationKey(v)}${v.via.length ? `\n    via ${v.via.join(" → ")}` : ""}\n    (rule and its reason: .dependency-cruiser.cjs)`,
    ),
    ...verdict.gone.map(
      (key) => `fixed, so remove it from scripts/architecture/baseline.ts (the list may only shrink): ${key}`,
    ),
  ];
}
