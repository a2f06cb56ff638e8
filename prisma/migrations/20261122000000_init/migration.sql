-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OPERATOR', 'SUPPORT', 'CUSTOMER_ADMIN');

-- CreateEnum
CREATE TYPE "ApplicationOrigin" AS ENUM ('PROVISIONED', 'MANUAL');

-- CreateEnum
CREATE TYPE "OnboardingStatus" AS ENUM ('REQUESTED', 'PARTNER_READY', 'ENABLED');

-- CreateEnum
CREATE TYPE "StatusSource" AS ENUM ('WIDGET', 'PUSH', 'POLL', 'RECHECK', 'MANUAL');

-- CreateEnum
CREATE TYPE "SyncState" AS ENUM ('PENDING', 'SYNCING', 'SYNCED', 'FAILED');

-- CreateEnum
CREATE TYPE "ConfigurationValueSource" AS ENUM ('CALLBACK_URL', 'DEFAULT', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "NotificationState" AS ENUM ('PENDING', 'PROCESSING', 'PROCESSED', 'NOT_HANDLED', 'EXPIRED', 'FAILED');

-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('SYNC_NAMES', 'SYNC_CONFIGURATIONS', 'PROCESS_NOTIFICATION', 'POLL_STATUS', 'RECHECK_STATUS', 'PROVISION_APPLICATION');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "customerId" TEXT,
    "disabledAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "customerId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "customerId" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "foreignId" TEXT NOT NULL,
    "offeredIntegrationTypes" TEXT[],
    "callbackKey" TEXT NOT NULL,
    "callbackKeyRotatedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerApplication" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEnc" TEXT NOT NULL,
    "clientSecretHint" TEXT NOT NULL,
    "origin" "ApplicationOrigin" NOT NULL,
    "accessTokenEnc" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "lastAuthError" TEXT,
    "lastAuthErrorAt" TIMESTAMP(3),
    "lastVerifiedAt" TIMESTAMP(3),
    "rateLimitedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Integration" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "integrationContext" TEXT NOT NULL,
    "integrationType" TEXT NOT NULL,
    "tenantType" TEXT NOT NULL,
    "dataProvider" TEXT NOT NULL DEFAULT 'ATS',
    "name" TEXT NOT NULL,
    "onboardingStatus" "OnboardingStatus" NOT NULL DEFAULT 'REQUESTED',
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusSource" "StatusSource" NOT NULL DEFAULT 'WIDGET',
    "statusNotificationId" TEXT,
    "nameVersion" INTEGER NOT NULL DEFAULT 1,
    "nameSyncedVersion" INTEGER NOT NULL DEFAULT 0,
    "nameSyncState" "SyncState" NOT NULL DEFAULT 'PENDING',
    "nameSyncError" TEXT,
    "nameSyncAttempts" INTEGER NOT NULL DEFAULT 0,
    "nameSyncedAt" TIMESTAMP(3),
    "configSyncState" "SyncState" NOT NULL DEFAULT 'PENDING',
    "configSyncError" TEXT,
    "configSyncedAt" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationStatusChange" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "fromStatus" "OnboardingStatus",
    "toStatus" "OnboardingStatus" NOT NULL,
    "source" "StatusSource" NOT NULL,
    "notificationId" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationConfiguration" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "syncState" "SyncState" NOT NULL DEFAULT 'PENDING',
    "syncError" TEXT,
    "syncedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationConfiguration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigurationKeyRequirement" (
    "id" TEXT NOT NULL,
    "integrationType" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "valueSource" "ConfigurationValueSource" NOT NULL,
    "defaultValue" TEXT,
    "customerEditable" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConfigurationKeyRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "linkedinId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "rawBody" TEXT NOT NULL,
    "signatureValid" BOOLEAN NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processingState" "NotificationState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "processedAt" TIMESTAMP(3),
    "appliedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallbackRejectionCounter" (
    "customerId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallbackRejectionCounter_pkey" PRIMARY KEY ("customerId","day","reason")
);

-- CreateTable
CREATE TABLE "Anomaly" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "notificationId" TEXT,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "details" JSONB,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Anomaly_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" "JobKind" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "customerId" TEXT,
    "queueJobId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "totalCount" INTEGER NOT NULL DEFAULT 0,
    "succeededCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "payload" JSONB,
    "triggeredBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkedInCallCount" (
    "clientId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "rateLimitedCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "lastCallAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkedInCallCount_pkey" PRIMARY KEY ("clientId","endpoint","day")
);

-- CreateTable
CREATE TABLE "LinkedInPacing" (
    "clientId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "nextSlotAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkedInPacing_pkey" PRIMARY KEY ("clientId","operation")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_customerId_idx" ON "User"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_customerId_createdAt_idx" ON "AuditLog"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Customer_foreignId_key" ON "Customer"("foreignId");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_callbackKey_key" ON "Customer"("callbackKey");

-- CreateIndex
CREATE INDEX "Customer_displayName_idx" ON "Customer"("displayName");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerApplication_customerId_key" ON "CustomerApplication"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerApplication_clientId_key" ON "CustomerApplication"("clientId");

-- CreateIndex
CREATE INDEX "CustomerApplication_lastAuthErrorAt_idx" ON "CustomerApplication"("lastAuthErrorAt");

-- CreateIndex
CREATE INDEX "Integration_onboardingStatus_statusChangedAt_idx" ON "Integration"("onboardingStatus", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Integration_customerId_onboardingStatus_idx" ON "Integration"("customerId", "onboardingStatus");

-- CreateIndex
CREATE INDEX "Integration_nameSyncState_idx" ON "Integration"("nameSyncState");

-- CreateIndex
CREATE INDEX "Integration_configSyncState_idx" ON "Integration"("configSyncState");

-- CreateIndex
CREATE INDEX "Integration_updatedAt_idx" ON "Integration"("updatedAt");

-- CreateIndex
CREATE INDEX "Integration_integrationType_onboardingStatus_idx" ON "Integration"("integrationType", "onboardingStatus");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_customerId_integrationContext_integrationType_t_key" ON "Integration"("customerId", "integrationContext", "integrationType", "tenantType", "dataProvider");

-- CreateIndex
CREATE INDEX "IntegrationStatusChange_integrationId_createdAt_idx" ON "IntegrationStatusChange"("integrationId", "createdAt");

-- CreateIndex
CREATE INDEX "IntegrationStatusChange_createdAt_idx" ON "IntegrationStatusChange"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationConfiguration_integrationId_key_key" ON "IntegrationConfiguration"("integrationId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigurationKeyRequirement_integrationType_key_key" ON "ConfigurationKeyRequirement"("integrationType", "key");

-- CreateIndex
CREATE INDEX "Notification_customerId_receivedAt_idx" ON "Notification"("customerId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_processingState_receivedAt_idx" ON "Notification"("processingState", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_customerId_linkedinId_key" ON "Notification"("customerId", "linkedinId");

-- CreateIndex
CREATE INDEX "Anomaly_resolvedAt_createdAt_idx" ON "Anomaly"("resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Anomaly_customerId_createdAt_idx" ON "Anomaly"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Job_customerId_createdAt_idx" ON "Job"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Job_status_kind_createdAt_idx" ON "Job"("status", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "LinkedInCallCount_day_idx" ON "LinkedInCallCount"("day");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerApplication" ADD CONSTRAINT "CustomerApplication_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationStatusChange" ADD CONSTRAINT "IntegrationStatusChange_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationConfiguration" ADD CONSTRAINT "IntegrationConfiguration_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackRejectionCounter" ADD CONSTRAINT "CallbackRejectionCounter_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Anomaly" ADD CONSTRAINT "Anomaly_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Anomaly" ADD CONSTRAINT "Anomaly_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddCheckConstraint
-- Written by hand below this line: Prisma's schema language cannot express CHECK constraints, so
-- `prisma migrate diff` neither creates nor drops them. Everything above is Prisma Migrate's output.
-- No semicolons in comments: the driver-adapter path of Prisma Migrate splits scripts at every semicolon.
-- A CUSTOMER_ADMIN belongs to exactly one customer, OPERATOR and SUPPORT belong to none.
ALTER TABLE "User" ADD CONSTRAINT "User_customer_admin_has_customer_check" CHECK (("role" = 'CUSTOMER_ADMIN') = ("customerId" IS NOT NULL));
