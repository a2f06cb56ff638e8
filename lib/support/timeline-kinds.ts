// The timeline's kinds of record and one entry's shape (issue 22 point 4), shared by the read (timeline.ts) and the
// console's table. Pure.

export const TIMELINE_KINDS = ["audit", "status", "job", "notification", "email", "flow", "issue"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABEL: Record<TimelineKind, string> = {
  audit: "Audit entry",
  status: "Status change",
  job: "Job",
  notification: "Notification",
  email: "Email",
  flow: "Flow step",
  issue: "Support issue",
};

export type TimelineEntry = { kind: TimelineKind; id: string; at: Date; title: string; detail: string | null };
