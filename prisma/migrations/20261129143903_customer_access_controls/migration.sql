-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "usesAtsAccessControls" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ConfigurationKeyRequirement" ADD COLUMN     "onlyWithoutAccessControls" BOOLEAN NOT NULL DEFAULT false;
