// Where an embedded PostgreSQL cluster runs from, and as whom (issue 26). PostgreSQL refuses to run as root,
// so as root initdb and postgres run as the system account `postgres`; that account cannot enter a folder only
// root may enter (a clone in /root or in `mktemp -d`, mode 0700), where both the binaries (node_modules) and
// the data directory (.data/pg) would be. Then, instead of loosening the person's folder:
//   - the binaries are copied once into a folder only root can change and every account can traverse
//     (/var/tmp/onramp-embedded-postgres/bin-<hash of the postgres binary>, modes 0755/0644);
//   - the data directory moves into that folder too (data-<hash of the requested path>, owned by postgres),
//     the same one on every run from the same checkout, so the demo's data persists.
// Whether `postgres` can reach a path is asked of the kernel (a probe run as that account), not guessed.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { SafeError } from "@/lib/errors/safe-error";

/** The account initdb and postgres run as; absent when they run as this process's own user. */
export type Account = { uid: number; gid: number };

export type Placement = {
  /** The folder with bin/, lib/ and share/ the cluster's programs run from. */
  nativeDir: string;
  /** The data directory actually used (the requested one, or its stand-in under the shared folder). */
  dataDir: string;
  runAs?: Account;
};

export type PlacementOptions = {
  /** The binaries' folder; default: the embedded-postgres package's (tests pass a copy in a private folder). */
  nativeDir?: string;
  /** The root-owned folder for copied binaries and moved data; default /var/tmp/onramp-embedded-postgres. */
  sharedDir?: string;
};

const ASK_FOR_A_SERVER = "or set DATABASE_URL (TEST_DATABASE_URL for the tests) to a PostgreSQL server";

/** The one sentence a person reads when the embedded server cannot run here; the cause stays for the log. */
export function cannotRunHere(sentence: string, cause?: unknown): SafeError {
  return Object.assign(new SafeError("unavailable", sentence), cause === undefined ? {} : { cause });
}

/** The native folder of the binary package embedded-postgres itself would load on this platform. */
export function packagedNativeDir(): string {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const binaryPackage = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    return path.join(path.dirname(fromEmbedded.resolve(binaryPackage)), "..", "native");
  } catch (cause) {
    throw cannotRunHere(
      `The embedded PostgreSQL has no binaries for ${platform}-${process.arch} (${binaryPackage} is not installed): run \`npm install\` again, ${ASK_FOR_A_SERVER}.`,
      cause,
    );
  }
}

function postgresAccount(): Account {
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch (cause) {
    throw cannotRunHere(
      `PostgreSQL does not run as root and this machine has no \`postgres\` account to run it as: create one (\`useradd --system postgres\`), run as an ordinary user, ${ASK_FOR_A_SERVER}.`,
      cause,
    );
  }
}

/** True when `command args` runs and succeeds as `account` (spawn drops root's extra groups, as for postgres). */
function succeedsAs(account: Account, command: string, args: string[]): boolean {
  const probe = spawnSync(command, args, { uid: account.uid, gid: account.gid, stdio: "ignore", cwd: "/" });
  return probe.error === undefined && probe.status === 0;
}

const canEnter = (account: Account, dir: string) => succeedsAs(account, "test", ["-x", dir]);

/** The shared folder, checked: a real folder owned by root that no one else can change, traversable by all. */
function sharedFolder(account: Account, override: string | undefined): string {
  const dir = override ?? path.join(existsSync("/var/tmp") ? "/var/tmp" : tmpdir(), "onramp-embedded-postgres");
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0)
    throw cannotRunHere(`${dir} should be a folder that only root can change, and it is not: remove it and run again.`);
  if ((st.mode & 0o011) !== 0o011) chmodSync(dir, (st.mode & 0o777) | 0o011);
  if (!canEnter(account, dir))
    throw cannotRunHere(
      `The account postgres cannot enter ${dir}: point TMPDIR at a folder it can enter, run as an ordinary user, ${ASK_FOR_A_SERVER}.`,
    );
  return dir;
}

/** A copy any account can read and run: folders 0755, files 0755 when executable else 0644, links as they are. */
function copyReadable(from: string, to: string): void {
  mkdirSync(to, { mode: 0o755 });
  chmodSync(to, 0o755);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyReadable(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      copyFileSync(source, target);
      chmodSync(target, statSync(source).mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

/** The binaries copied into the shared folder, once per build of postgres (keyed by the binary's content). */
function sharedNativeDir(nativeDir: string, shared: string): string {
  const build = createHash("sha256")
    .update(readFileSync(path.join(nativeDir, "bin", "postgres")))
    .digest("hex")
    .slice(0, 16);
  const target = path.join(shared, `bin-${build}`);
  if (existsSync(path.join(target, "bin", "postgres"))) return target;
  // Copied aside, then renamed into place: a concurrent run sees the whole copy or none.
  const staging = path.join(shared, `.bin-${build}-${randomBytes(6).toString("hex")}`);
  try {
    copyReadable(nativeDir, staging);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
  }
  return target;
}

/**
 * Decides where the cluster of `requestedDataDir` runs from, creating what is missing. Not root: everything
 * as requested. Root: run as postgres, with the binaries and the data where that account can reach them.
 */
export function placeCluster(requestedDataDir: string, options: PlacementOptions = {}): Placement {
  const nativeDir = options.nativeDir ?? packagedNativeDir();
  if (process.getuid?.() !== 0) {
    mkdirSync(requestedDataDir, { recursive: true, mode: 0o700 });
    return { nativeDir, dataDir: requestedDataDir };
  }
  const runAs = postgresAccount();
  const parent = path.dirname(requestedDataDir);
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  let shared: string | undefined;
  const sharedDir = () => {
    shared ??= sharedFolder(runAs, options.sharedDir);
    return shared;
  };
  const dataDir = canEnter(runAs, parent)
    ? requestedDataDir
    : path.join(sharedDir(), `data-${createHash("sha256").update(requestedDataDir).digest("hex").slice(0, 16)}`);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownSync(dataDir, runAs.uid, runAs.gid);
  const binariesReachable = succeedsAs(runAs, path.join(nativeDir, "bin", "postgres"), ["--version"]);
  return { nativeDir: binariesReachable ? nativeDir : sharedNativeDir(nativeDir, sharedDir()), dataDir, runAs };
}
