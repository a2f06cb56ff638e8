import "server-only";
// Job handlers of lib/notifications (registered in lib/jobs/registry.ts).
import type { JobHandler } from "@/lib/jobs/types";

export const notificationJobHandlers: JobHandler[] = [];
