// An empty database of its own for a test that must see a database before any migration (the runner's
// tests). Named like the run's database so an abandoned one is dropped by a later run's global setup.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDatabaseIfMissing, databaseUrlWithName, dropDatabase } from "@/lib/db/databases";
import "./provided";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = inject("onrampTestServerUrl");
  const name = `onramp_test_${Date.now()}_${randomBytes(4).toString("hex")}_scratch`;
  await createDatabaseIfMissing(serverUrl, name);
  return { url: databaseUrlWithName(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}
