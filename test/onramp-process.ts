// Another Onramp process for the crash tests (lib/integrations/sync-crash.db.test.ts, lib/webhooks/delivery.db.test.ts):
// Node itself with tsx's loader, so SIGKILL ends the process that does the work (the tsx CLI would run it in a
// grandchild that survives the kill), and "server-only" mapped to the test stand-in
// (lib/integrations/test-support/tsconfig.worker.json). The script prints "ready" once it is working.
import { spawn, type ChildProcess } from "node:child_process";
import { processEnvSnapshot } from "@/lib/env";

const running = new Set<ChildProcess>();

/** Starts `script` (a path from the repository root) with this process's environment and `env`; resolves on "ready". */
export function startOnrampProcess(script: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...processEnvSnapshot(), ...env, TSX_TSCONFIG_PATH: "lib/integrations/test-support/tsconfig.worker.json" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`${script} exited (${code}): ${err}`)));
  });
}

/** The signal that ended the process (null when it exited by itself); waits for its end. */
export function exitSignal(child: ChildProcess): Promise<NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
}

/** SIGKILLs every process started here that is still running (a test file's afterAll). */
export function killOnrampProcesses(): void {
  for (const child of running) child.kill("SIGKILL");
}
