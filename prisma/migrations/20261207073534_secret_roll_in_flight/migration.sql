-- AlterTable
ALTER TABLE "CustomerApplication" ADD COLUMN     "pendingSecretEnc" TEXT,
ADD COLUMN     "secretRollAnsweredAt" TIMESTAMP(3),
ADD COLUMN     "secretRollProblem" TEXT,
ADD COLUMN     "secretRollStartedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CustomerApplication_secretRollStartedAt_idx" ON "CustomerApplication"("secretRollStartedAt");
