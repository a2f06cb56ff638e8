import "server-only";
// Every job kind and its handler. Domains define their handlers beside their logic
// (lib/integrations, lib/notifications, lib/customers) and list them here.
import type { JobKind } from "@/lib/db/enums";
import type { JobHandler } from "./types";
import { integrationJobHandlers } from "@/lib/integrations/jobs";
import { notificationJobHandlers } from "@/lib/notifications/jobs";
import { customerJobHandlers } from "@/lib/customers/jobs";
import { onboardingStatusJobHandlers } from "@/lib/onboarding-status/jobs";

export function jobHandlers(): Partial<Record<JobKind, JobHandler>> {
  const all = [
    ...integrationJobHandlers,
    ...notificationJobHandlers,
    ...customerJobHandlers,
    ...onboardingStatusJobHandlers,
  ];
  return Object.fromEntries(all.map((h) => [h.kind, h]));
}
