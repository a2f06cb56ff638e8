import "server-only";
// "Check with LinkedIn now" on the customer admin's page: PARTNER_READY is not pushed (only ENABLED is,
// C19), so without this a customer admin would wait for the hourly fallback poll (C28). It queues the
// same poll, scoped to this customer, at most once per window so the button can not spend the
// customer's daily LinkedIn budget (C26, C30).
import type { Actor } from "@/lib/auth/actor";
import type { Notice } from "@/lib/errors/notice";
import { SafeError } from "@/lib/errors/safe-error";
import { assertMayStartJob } from "@/lib/jobs/permissions";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { hitRateLimit } from "@/lib/rate-limit/sliding-window";

export const STATUS_CHECK_WINDOW_MS = 30_000;

export async function requestStatusCheck(actor: Actor): Promise<{ message: string; notice: Notice }> {
  if (!actor.customerId)
    throw new SafeError("forbidden", "Only a customer's own admin can ask for this.", undefined, {
      notice: { key: "customerAdminOnly" },
    });
  assertMayStartJob(actor, "POLL_STATUS");
  const limit = await hitRateLimit(`integrations.status-check:${actor.customerId}`, 1, STATUS_CHECK_WINDOW_MS);
  if (!limit.allowed) {
    return {
      message: "Onramp asked LinkedIn moments ago; this page updates by itself when the answer arrives.",
      notice: { key: "statusAskedRecently" },
    };
  }
  await enqueueTrackedJob({
    kind: "POLL_STATUS",
    customerId: actor.customerId,
    payload: { customerId: actor.customerId },
    triggeredBy: actor.userId,
  });
  return {
    message: "Asking LinkedIn for the latest status; this page updates by itself.",
    notice: { key: "statusAsking" },
  };
}
