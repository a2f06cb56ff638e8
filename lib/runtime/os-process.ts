// What the operating system says about another process: whether it still runs, when it started, its
// command line. Used where a file names a process that may have ended without cleaning up after itself
// (the launcher's lock on its data folder, a postmaster.pid left by a killed run): a pid alone can be
// reused by an unrelated process, its start time cannot. /proc exists on Linux; elsewhere null.
import { readFileSync } from "node:fs";

/** The code of a failed system call (ENOENT, EEXIST, …), if that is what `error` is. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** True while process `pid` exists (even one this user may not signal). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if (errorCode(error) === "EPERM") return true;
    if (errorCode(error) === "ESRCH") return false;
    throw error;
  }
}

function procFile(pid: number, name: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${name}`, "utf8");
  } catch (error) {
    // The process ended, or there is no /proc here.
    if (errorCode(error) === "ENOENT" || errorCode(error) === "ESRCH") return null;
    throw error;
  }
}

/** When `pid` started, in clock ticks since boot (field 22 of /proc/<pid>/stat); null without /proc. */
export function processStartTime(pid: number): string | null {
  const stat = procFile(pid, "stat");
  // The fields after the command name (which may hold spaces and parentheses): state is the first, starttime the 20th.
  return stat === null ? null : (stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null);
}

/** The process group of `pid` (field 5 of /proc/<pid>/stat): who a terminal's Ctrl-C reaches; null without /proc. */
export function processGroup(pid: number): number | null {
  const stat = procFile(pid, "stat");
  const group = stat === null ? undefined : stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2];
  return group === undefined ? null : Number(group);
}

/** The arguments `pid` was started with; null without /proc. */
export function processArguments(pid: number): string[] | null {
  const cmdline = procFile(pid, "cmdline");
  return cmdline === null ? null : cmdline.split("\0").filter(Boolean);
}
