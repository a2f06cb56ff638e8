-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "JobKind" ADD VALUE 'SYNC_APP_DOMAINS';
ALTER TYPE "JobKind" ADD VALUE 'ROTATE_SECRETS';

-- AlterTable
ALTER TABLE "CustomerApplication" ADD COLUMN     "applicationUrn" TEXT,
ADD COLUMN     "jsSdkDomains" TEXT[],
ADD COLUMN     "previousSecretEnc" TEXT,
ADD COLUMN     "previousSecretRetiresAt" TIMESTAMP(3),
ADD COLUMN     "secretSetAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "outcome" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CustomerApplication_applicationUrn_key" ON "CustomerApplication"("applicationUrn");

-- CreateIndex
CREATE INDEX "CustomerApplication_secretSetAt_idx" ON "CustomerApplication"("secretSetAt");

-- Existing secrets are as old as their application row (L7 secret age).
UPDATE "CustomerApplication" SET "secretSetAt" = "createdAt";
