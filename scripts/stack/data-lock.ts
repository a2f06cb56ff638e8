// One command at a time on a data folder (issue 26): `npm run demo` and `npm run seed:large` share .data (the
// embedded PostgreSQL's cluster, the local secrets, the sandbox's state). The lock is a file in that folder
// naming the process that holds it, with its start time, so a lock left by a killed run is recognised as
// stale (its process is gone, or the pid now belongs to another process) and taken over, never obeyed forever.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SafeError } from "@/lib/errors/safe-error";
import { errorCode, processIsAlive, processStartTime } from "@/lib/runtime/os-process";

export const LOCK_FILE = "onramp.lock";

const holderSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string().nullable(),
  command: z.string(),
});
type Holder = z.infer<typeof holderSchema>;

export type DataLock = { release(): void };

/** The lock's holder, or null when the file is gone or is not a lock (then it counts as stale). */
function readHolder(file: string): Holder | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
  try {
    return holderSchema.parse(JSON.parse(text));
  } catch (cause) {
    console.warn(`[onramp] ${file} is not a lock this version wrote (${String(cause)}); it is taken over`);
    return null;
  }
}

function isRunning(holder: Holder): boolean {
  if (!processIsAlive(holder.pid)) return false;
  return holder.startedAt === null || processStartTime(holder.pid) === holder.startedAt;
}

/** Creates `file` with `content` in one step: written aside, then linked into place (fails if it exists). */
function createWhole(file: string, content: string): boolean {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(aside, content, { mode: 0o600, flag: "wx" });
  try {
    linkSync(aside, file);
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Takes the lock on `dataDir` for `command` (the words a person typed, for the message another run prints),
 * or throws the one sentence saying which command holds it. Released by release() or when the process exits.
 */
export function lockDataFolder(dataDir: string, command: string): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, startedAt: processStartTime(process.pid), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createWhole(file, JSON.stringify(me))) {
      const release = () => {
        const holder = readHolder(file);
        if (holder?.pid === me.pid && holder.startedAt === me.startedAt) rmSync(file, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return { release };
    }
    const holder = readHolder(file);
    if (holder && isRunning(holder))
      throw new SafeError(
        "conflict",
        `\`${holder.command}\` (process ${holder.pid}) is already running on the data folder ${dataDir}: use that one, stop it (Ctrl-C in its terminal), or set ONRAMP_DATA_DIR to another folder.`,
      );
    // Left by a run that ended without releasing it.
    rmSync(file, { force: true });
  }
  throw new SafeError(
    "conflict",
    `Another command took the data folder ${dataDir} at the same moment: wait for it to finish, or set ONRAMP_DATA_DIR to another folder.`,
  );
}
