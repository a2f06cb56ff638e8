// A page's lists as its links' query (issue 21: each streamed section builds its own pager from them).
import { describe, expect, it } from "vitest";
import { pagesBeyondFirst } from "./page-number";

describe("pagesBeyondFirst", () => {
  it("keeps only the lists not on their first page, as strings", () => {
    expect(pagesBeyondFirst({ jobsPage: 1, keysPage: 3, auditPage: 12 })).toEqual({ keysPage: "3", auditPage: "12" });
  });

  it("is empty when every list is on its first page", () => {
    expect(pagesBeyondFirst({ jobsPage: 1 })).toEqual({});
  });
});
