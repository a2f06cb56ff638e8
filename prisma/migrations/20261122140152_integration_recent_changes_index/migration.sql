-- CreateIndex
CREATE INDEX "Integration_statusChangedAt_id_idx" ON "Integration"("statusChangedAt" DESC, "id" DESC);
