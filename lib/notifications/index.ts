import "server-only";
// Push notifications (issue #5): the callback's work, processing, and what support may do.
export { receiveNotification, type Defer } from "./receive";
export { processNotification, UNREQUESTED_INTEGRATION, type ProcessOutcome } from "./process";
export { retryNotification, replayNotification, type SupportActionResult } from "./support";
export { enqueueNotificationProcessing, sweepPendingNotifications } from "./enqueue";
export { recordCallbackRejection, type RejectionReason } from "./rejections";
export { checkSignature, signNotification } from "./signature";
export { parseNotificationBody, INTEGRATION_STATUS_CHANGE, type NotificationPayload } from "./payload";
