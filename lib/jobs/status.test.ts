// One set of active job statuses (issue 21 point 4): every status of the data model is either active or final, the
// raw SQL form says the same as the list, and no other source file spells the list out again.
import { describe, expect, it } from "vitest";
import { JobStatus } from "@/lib/db/enums";
import { filesMatching } from "@/test/source-files";
import { ACTIVE_JOB_STATUSES, activeJobStatusSql, FINAL_JOB_STATUSES, isActiveJobStatus } from "./status";

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
    const others = filesMatching(["app", "components", "lib"], "lib/jobs/status.ts", [
      /["']QUEUED["'],\s*["']RUNNING["'],\s*["']RETRYING["']/,
      /===\s*["']QUEUED["']\s*\|\|[^\n]*===\s*["']RETRYING["']/,
    ]);
    expect(others).toEqual([]);
  });
});
