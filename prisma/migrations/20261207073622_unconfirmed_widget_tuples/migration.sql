-- CreateTable
CREATE TABLE "UnconfirmedTuple" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "integrationContext" TEXT NOT NULL,
    "integrationType" TEXT NOT NULL,
    "tenantType" TEXT NOT NULL,
    "dataProvider" TEXT NOT NULL DEFAULT 'ATS',
    "requestedById" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnconfirmedTuple_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnconfirmedTuple_customerId_integrationContext_integrationT_key" ON "UnconfirmedTuple"("customerId", "integrationContext", "integrationType", "tenantType", "dataProvider");

-- CreateIndex
CREATE INDEX "Integration_integrationContext_integrationType_tenantType_d_idx" ON "Integration"("integrationContext", "integrationType", "tenantType", "dataProvider");

-- AddForeignKey
ALTER TABLE "UnconfirmedTuple" ADD CONSTRAINT "UnconfirmedTuple_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
