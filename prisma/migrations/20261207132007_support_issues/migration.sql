-- CreateEnum
CREATE TYPE "SupportIssueType" AS ENUM ('KEYS_REFUSED', 'SYNC_FAILING', 'NOTIFICATION_FAILED', 'WIDGET_CANNOT_LOAD', 'STUCK_AT_STATUS', 'UNKNOWN_TYPE', 'SECRET_DUE', 'NO_RECENT_CALL', 'WEBHOOK_FAILING');

-- CreateEnum
CREATE TYPE "SupportIssueState" AS ENUM ('OPEN', 'SNOOZED', 'RESOLVED');

-- AlterEnum
ALTER TYPE "EmailTemplate" ADD VALUE 'ISSUE_REMEDIATION';

-- AlterTable
ALTER TABLE "CustomerApplication" ADD COLUMN     "healthCheckedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SupportIssue" (
    "id" TEXT NOT NULL,
    "type" "SupportIssueType" NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "customerId" TEXT,
    "integrationId" TEXT,
    "webhookEndpointId" TEXT,
    "detail" TEXT NOT NULL,
    "state" "SupportIssueState" NOT NULL DEFAULT 'OPEN',
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "snoozedUntil" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "changedBy" TEXT NOT NULL DEFAULT 'system',
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupportIssue_state_lastSeenAt_idx" ON "SupportIssue"("state", "lastSeenAt" DESC);

-- CreateIndex
CREATE INDEX "SupportIssue_customerId_type_idx" ON "SupportIssue"("customerId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "SupportIssue_type_subjectKey_key" ON "SupportIssue"("type", "subjectKey");

-- AddForeignKey
ALTER TABLE "SupportIssue" ADD CONSTRAINT "SupportIssue_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportIssue" ADD CONSTRAINT "SupportIssue_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
