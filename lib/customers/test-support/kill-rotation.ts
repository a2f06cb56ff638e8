// Runs a secret rotation in its own process (./rotation-process.ts) and SIGKILLs it at a named point of the roll:
// deterministic (the process reports the point and waits there), no sleeps. Answers everything the process wrote,
// so a test can check that the new secret was never logged.
import { spawn } from "node:child_process";
import type { RollPoint } from "@/lib/customers/secret-roll";
import { processEnvSnapshot } from "@/lib/env";
import { eventually } from "@/test/eventually";

export async function rotateAndKillAt(customerId: string, point: RollPoint): Promise<{ output: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "lib/customers/test-support/rotation-process.ts", customerId, point],
    {
      env: { ...processEnvSnapshot(), TSX_TSCONFIG_PATH: "lib/integrations/test-support/tsconfig.worker.json" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  try {
    await eventually(`the rotating process to pause at "${point}"`, () => output.includes(`paused:${point}\n`), {
      failWhen: () => (child.exitCode !== null ? `it ended first: ${output}` : null),
    });
  } finally {
    child.kill("SIGKILL");
  }
  const signal = await exited;
  if (signal !== "SIGKILL") throw new Error(`the rotating process ended by itself (${String(signal)}): ${output}`);
  return { output };
}
