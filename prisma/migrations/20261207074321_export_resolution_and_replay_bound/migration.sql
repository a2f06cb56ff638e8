-- CreateTable
CREATE TABLE "ExportResolution" (
    "id" TEXT NOT NULL,
    "eventId" BIGINT NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "candidatesEnc" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportResolution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExportResolution_eventId_key" ON "ExportResolution"("eventId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_state_idx" ON "WebhookDelivery"("endpointId", "state");

-- AddForeignKey
ALTER TABLE "ExportResolution" ADD CONSTRAINT "ExportResolution_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
