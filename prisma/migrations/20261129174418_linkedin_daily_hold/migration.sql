-- CreateTable
CREATE TABLE "LinkedInDailyHold" (
    "clientId" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "heldUntil" TIMESTAMP(3) NOT NULL,
    "detectedBy" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkedInDailyHold_pkey" PRIMARY KEY ("clientId","resource")
);

-- CreateIndex
CREATE INDEX "LinkedInDailyHold_heldUntil_idx" ON "LinkedInDailyHold"("heldUntil");
