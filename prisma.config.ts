// Prisma CLI configuration (Prisma 7 reads the connection URL from here, not from schema.prisma).
// Onramp applies migrations with its own runner (lib/db/migrate.ts) because the CLI's schema-engine
// binary cannot be downloaded on every machine; `prisma migrate deploy` works on the same folder
// wherever that binary exists.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/onramp" },
});
