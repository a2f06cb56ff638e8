// Reads prisma/migrations the way Prisma Migrate does: one folder per migration holding migration.sql,
// applied in folder-name order, plus migration_lock.toml naming the provider.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

export interface MigrationFile {
  name: string;
  /** sha256 hex of migration.sql's bytes: the value Prisma writes to _prisma_migrations.checksum. */
  checksum: string;
  sql: string;
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * True when the recorded checksum matches the file, also across a CRLF↔LF conversion (Prisma accepts
 * both, so a Windows checkout of an applied migration is not reported as edited).
 */
export function checksumMatches(recorded: string, file: MigrationFile): boolean {
  if (recorded === file.checksum) return true;
  const lf = file.sql.replace(/\r\n/g, "\n");
  const crlf = lf.replace(/\n/g, "\r\n");
  return recorded === sha256Hex(lf) || recorded === sha256Hex(crlf);
}

export function readMigrationsFolder(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`The migrations folder ${dir} does not exist.`);
  const lockFile = path.join(dir, "migration_lock.toml");
  if (existsSync(lockFile)) {
    const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(readFileSync(lockFile, "utf8"))?.[1];
    if (provider !== "postgresql") {
      throw new Error(`${lockFile} names provider "${provider ?? "(none)"}"; these migrations are not for PostgreSQL.`);
    }
  }
  return readdirSync(dir)
    .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`The migration folder ${name} has no migration.sql.`);
      const bytes = readFileSync(file);
      return { name, checksum: sha256Hex(bytes), sql: bytes.toString("utf8") };
    });
}
