import "server-only";

export { resolveAnomaly } from "./anomalies";
export { enqueueNotificationProcessing, sweepPendingNotifications } from "./enqueue";
export { INTEGRATION_STATUS_CHANGE, type NotificationPayload, parseNotificationBody } from "./payload";
export { type ProcessOutcome, processNotification, UNREQUESTED_INTEGRATION } from "./process";
// Push notifications (issue #5): the callback's work, processing, and what support may do.
export { type Defer, receiveNotification } from "./receive";
export { type RejectionReason, recordCallbackRejection } from "./rejections";
export { checkSignature, signNotification } from "./signature";
export { replayNotification, retryNotification, type SupportActionResult } from "./support";
