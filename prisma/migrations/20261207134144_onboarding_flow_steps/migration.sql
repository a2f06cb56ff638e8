-- CreateEnum
CREATE TYPE "FlowStepKind" AS ENUM ('PAGE_OPENED', 'LINKEDIN_SCRIPT', 'BUNDLE_AUTHORIZED', 'TUPLES_CONFIRMED', 'NAMES_AND_SETTINGS_SENT', 'WAITING_ON_CUSTOMER', 'ENABLED');

-- CreateEnum
CREATE TYPE "FlowOutcome" AS ENUM ('OK', 'FAILED');

-- CreateEnum
CREATE TYPE "FlowReason" AS ENUM ('SCRIPT_UNREACHABLE', 'SCRIPT_BLOCKED_BY_POLICY', 'SCRIPT_WITHOUT_PLATFORM', 'PLUGIN_DID_NOT_RENDER', 'TUPLES_REFUSED', 'SYNC_FAILED');

-- CreateTable
CREATE TABLE "FlowStep" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "personId" TEXT,
    "visitId" TEXT,
    "step" "FlowStepKind" NOT NULL,
    "outcome" "FlowOutcome" NOT NULL,
    "reason" "FlowReason",
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FlowStep_customerId_at_id_idx" ON "FlowStep"("customerId", "at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "FlowStep_visitId_step_key" ON "FlowStep"("visitId", "step");

-- AddForeignKey
ALTER TABLE "FlowStep" ADD CONSTRAINT "FlowStep_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
