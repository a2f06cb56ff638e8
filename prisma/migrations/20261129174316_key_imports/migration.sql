-- CreateEnum
CREATE TYPE "KeyImportRowStatus" AS ENUM ('PENDING', 'IMPORTED', 'UNCHANGED', 'REFUSED');

-- AlterEnum
ALTER TYPE "JobKind" ADD VALUE 'IMPORT_APPLICATION_KEYS';

-- CreateTable
CREATE TABLE "KeyImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT,
    "jobId" TEXT,
    "rowCount" INTEGER NOT NULL,
    "triggeredBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeyImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyImportRow" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "foreignId" TEXT,
    "displayName" TEXT,
    "clientId" TEXT,
    "applicationUrn" TEXT,
    "offeredIntegrationTypes" TEXT[],
    "clientSecretEnc" TEXT,
    "status" "KeyImportRowStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "customerId" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "KeyImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KeyImport_jobId_key" ON "KeyImport"("jobId");

-- CreateIndex
CREATE INDEX "KeyImport_createdAt_idx" ON "KeyImport"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "KeyImportRow_importId_status_line_idx" ON "KeyImportRow"("importId", "status", "line");

-- CreateIndex
CREATE UNIQUE INDEX "KeyImportRow_importId_line_key" ON "KeyImportRow"("importId", "line");

-- AddForeignKey
ALTER TABLE "KeyImportRow" ADD CONSTRAINT "KeyImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "KeyImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
