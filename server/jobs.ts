import "server-only";
// Every job kind's handler, the job part of the composition root (./composition.ts, issue 21 point 2). Its own file
// because a person's retry (./retry.ts, called by a console page's action) needs the handlers, and not the schedules,
// whose email sweep loads React Email's renderer (react-dom/server), which a page's bundle must not.
import type { JobKind } from "@/lib/db/enums";
import { customerJobHandlers } from "@/lib/customers/jobs";
import { integrationJobHandlers } from "@/lib/integrations/jobs";
import type { JobHandler } from "@/lib/jobs/types";
import { sweepPendingNotifications } from "@/lib/notifications/enqueue";
import { notificationJobHandlers } from "@/lib/notifications/jobs";
import { definePollStatusJob, onboardingStatusJobHandlers } from "@/lib/onboarding-status/jobs";

/** Every job kind's handler (each defined with defineJob beside its domain's logic). */
export function jobHandlers(): Partial<Record<JobKind, JobHandler>> {
  const all = [
    ...integrationJobHandlers,
    ...notificationJobHandlers,
    ...customerJobHandlers,
    ...onboardingStatusJobHandlers,
    // The poll first queues notifications left pending (lib/notifications applies statuses through
    // lib/onboarding-status, so the poll reaches that sweep only through this binding).
    definePollStatusJob({ sweepNotifications: (now) => sweepPendingNotifications(now) }),
  ];
  return Object.fromEntries(all.map((h) => [h.kind, h]));
}
