-- CreateEnum
CREATE TYPE "EmailTemplate" AS ENUM ('INVITATION', 'PARTNER_READY', 'PARTNER_READY_REMINDER', 'ADMIN_ACTION_NEEDED', 'SUPPORT_DIGEST');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED');

-- CreateEnum
CREATE TYPE "EmailCategory" AS ENUM ('NUDGES', 'DIGEST', 'INVITATIONS');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "emailNudges" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Email" (
    "id" TEXT NOT NULL,
    "customerId" TEXT,
    "integrationId" TEXT,
    "toAddress" TEXT NOT NULL,
    "template" "EmailTemplate" NOT NULL,
    "cause" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "secretEnvelope" TEXT,
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "messageId" TEXT NOT NULL,
    "unsubscribeKey" TEXT NOT NULL,
    "subject" TEXT,
    "smtpResponse" TEXT,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Email_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOptOut" (
    "email" TEXT NOT NULL,
    "category" "EmailCategory" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOptOut_pkey" PRIMARY KEY ("email","category")
);

-- CreateIndex
CREATE UNIQUE INDEX "Email_messageId_key" ON "Email"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Email_unsubscribeKey_key" ON "Email"("unsubscribeKey");

-- CreateIndex
CREATE INDEX "Email_status_nextAttemptAt_idx" ON "Email"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Email_customerId_createdAt_idx" ON "Email"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Email_integrationId_idx" ON "Email"("integrationId");

-- CreateIndex
CREATE UNIQUE INDEX "Email_cause_toAddress_template_key" ON "Email"("cause", "toAddress", "template");

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE SET NULL ON UPDATE CASCADE;
