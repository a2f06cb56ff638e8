-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "brandDisplayName" TEXT,
ADD COLUMN     "brandLogo" TEXT,
ADD COLUMN     "brandPrimaryColor" TEXT,
ADD COLUMN     "brandSupportContact" TEXT,
ADD COLUMN     "defaultLocale" TEXT;
