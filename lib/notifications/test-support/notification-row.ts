// Test rows: one stored, signed notification of a customer, in a given processing state, received at a given time
// (tests age rows by writing the time, never by waiting).
import { randomUUID } from "node:crypto";
import type { NotificationState } from "@/lib/db/enums";
import { db } from "@/lib/db/client";

export function createNotificationRow(
  customerId: string,
  processingState: NotificationState = "PENDING",
  receivedAt: Date = new Date(),
) {
  return db.notification.create({
    data: {
      customerId,
      linkedinId: randomUUID(),
      type: "INTEGRATION_STATUS_CHANGE",
      rawBody: "{}",
      signatureValid: true,
      processingState,
      receivedAt,
    },
  });
}
