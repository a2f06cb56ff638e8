-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "traceParent" TEXT;
