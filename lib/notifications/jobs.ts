import "server-only";
// Job handlers of lib/notifications (registered in lib/jobs/registry.ts).
import { z } from "zod";
import { defineJob, type JobHandler } from "@/lib/jobs/types";
import { processNotification } from "./process";

export const processNotificationJob = defineJob({
  kind: "PROCESS_NOTIFICATION",
  payload: z.object({ notificationId: z.string().min(1), force: z.boolean().optional() }),
  async run(payload, ctx) {
    await processNotification(payload.notificationId, ctx, { force: payload.force });
  },
});

export const notificationJobHandlers: JobHandler[] = [processNotificationJob];
