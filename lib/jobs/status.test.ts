// One set of active job statuses (issue 21 point 4): every status of the data model is either active or final, the
// raw SQL form says the same as the list, and no other source file spells the list out again.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { JobStatus } from "@/lib/db/enums";
import { ACTIVE_JOB_STATUSES, activeJobStatusSql, FINAL_JOB_STATUSES, isActiveJobStatus } from "./status";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("active job statuses", () => {
  it("split the data model's job statuses in two: active and final", () => {
    expect([...ACTIVE_JOB_STATUSES, ...FINAL_JOB_STATUSES].sort()).toEqual(Object.values(JobStatus).sort());
    for (const status of Object.values(JobStatus))
      expect(isActiveJobStatus(status)).toBe((ACTIVE_JOB_STATUSES as readonly string[]).includes(status));
  });

  it("read the same in raw SQL", () => {
    expect(activeJobStatusSql('j."status"')).toBe(`j."status" IN ('QUEUED', 'RUNNING', 'RETRYING')`);
  });

  it("are written out only in lib/jobs/status.ts", () => {
    const root = join(import.meta.dirname, "..", "..");
    const spelled = [
      /["']QUEUED["'],\s*["']RUNNING["'],\s*["']RETRYING["']/,
      /===\s*["']QUEUED["']\s*\|\|[^\n]*===\s*["']RETRYING["']/,
    ];
    const others = ["app", "components", "lib"]
      .flatMap((folder) => sourceFiles(join(root, folder)))
      .map((path) => relative(root, path))
      .filter((path) => path !== join("lib", "jobs", "status.ts"))
      .filter((path) => spelled.some((re) => re.test(readFileSync(join(root, path), "utf8"))));
    expect(others).toEqual([]);
  });
});
