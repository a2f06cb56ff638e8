-- CreateIndex
CREATE INDEX "Anomaly_notificationId_idx" ON "Anomaly"("notificationId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_state_createdAt_idx" ON "WebhookDelivery"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Email_status_createdAt_idx" ON "Email"("status", "createdAt");
