-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "resolveExports" BOOLEAN NOT NULL DEFAULT false;
