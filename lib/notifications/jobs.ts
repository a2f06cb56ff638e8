import "server-only";
// Job handlers of lib/notifications (listed in server/composition.ts).
import { z } from "zod";
import { SafeError } from "@/lib/errors/safe-error";
import { defineJob, type JobHandler } from "@/lib/jobs/types";
import { enqueueNotificationProcessing } from "./enqueue";
import { processNotification } from "./process";

export const processNotificationJob = defineJob({
  kind: "PROCESS_NOTIFICATION",
  payload: z.object({ notificationId: z.string().min(1), force: z.boolean().optional() }),
  async run(payload, ctx) {
    await processNotification(payload.notificationId, ctx, { force: payload.force });
  },
  async restart(payload, { actor, tx, customerId }) {
    if (!customerId)
      throw new SafeError("conflict", "This notification's customer is gone: there is nothing to process.");
    const ref = { id: payload.notificationId, customerId };
    return enqueueNotificationProcessing(ref, actor.userId, { force: payload.force }, tx);
  },
});

export const notificationJobHandlers: JobHandler[] = [processNotificationJob];
