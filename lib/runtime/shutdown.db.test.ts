// Issue 24 point 5, a clean stop, in a real process (lib/runtime/test-support/stopping-instance.ts: the real job
// workers and a node:http server behind the same stop routine as scripts/serve.ts) on a database of its own (its
// workers must not take other files' jobs), with a job of the test's queue in flight when SIGTERM arrives.
// The instance answers "shutting down" at once, then either finishes the job or hands it back to the queue,
// exits 0, and logs no error (pino JSON lines, level >= 50).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { processEnvSnapshot } from "@/lib/env";
import { HANDED_BACK } from "@/lib/jobs/work";
import { eventually } from "@/test/eventually";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";

let scratch: ScratchDatabase;
let boss: PgBoss;
const children: ChildProcess[] = [];

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrate({ databaseUrl: scratch.url, log: () => {} });
  // The test's own handle on the queues: it sends the job and reads its state; it runs no maintenance.
  boss = new PgBoss({ connectionString: scratch.url, schema: "pgboss", supervise: false, schedule: false, max: 2 });
  boss.on("error", (err) => console.error("test job engine:", err));
  await boss.start();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await boss?.stop({ graceful: false });
  await scratch?.drop();
});

type Instance = {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
};

/** Starts the instance working `queue`; resolves once it serves. */
async function startInstance(queue: string, env: Record<string, string> = {}): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/runtime/test-support/stopping-instance.ts"], {
    env: {
      ...processEnvSnapshot(),
      DATABASE_URL: scratch.url,
      LOG_LEVEL: "info",
      STOPPING_INSTANCE_QUEUE: queue,
      TSX_TSCONFIG_PATH: "lib/integrations/test-support/tsconfig.worker.json",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? `it exited: ${stderr}` : null);
  const port = await eventually("the instance to listen", () => Number(/listening on (\d+)/.exec(stdout)?.[1]), {
    failWhen: exited,
  });
  return { child, port, stdout: () => stdout, stderr: () => stderr, exit };
}

/** The instance's pino lines (its other output, "listening on", is not JSON). */
function logLines(stdout: string): { level: number; msg: string }[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
}

async function queueWithJob(): Promise<{ queue: string; jobId: string }> {
  const queue = `onramp.test_shutdown_${randomBytes(4).toString("hex")}`;
  await boss.createQueue(queue, { name: queue, retryLimit: 2, retryDelay: 0, expireInSeconds: 600 });
  const jobId = await boss.send(queue, {});
  if (!jobId) throw new Error("the job was not queued");
  return { queue, jobId };
}

async function health(port: number): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: res.status, body: await res.json() };
}

/** SIGTERMs the instance once it holds the job, and waits until it says so over HTTP. */
async function stopWhileHolding(instance: Instance, jobId: string): Promise<void> {
  await eventually("the job to be in flight", () =>
    logLines(instance.stdout()).find((l) => l.msg === "test job started" && JSON.stringify(l).includes(jobId)),
  );
  expect((await health(instance.port)).status).toBe(200);
  instance.child.kill("SIGTERM");
  const answer = await eventually("readiness to answer that the instance stops", async () => {
    const h = await health(instance.port);
    return h.status === 503 ? h : null;
  });
  expect(answer.body).toEqual({ status: "shutting down" });
}

function expectCleanLog(instance: Instance): void {
  const lines = logLines(instance.stdout());
  expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  expect(lines.map((l) => l.msg)).toContain("shut down cleanly");
  expect(instance.stderr()).toBe("");
}

describe("an instance stopped by SIGTERM with a job in flight", () => {
  it("says it is not ready at once, finishes the job, and exits 0 without an error logged", async () => {
    const { queue, jobId } = await queueWithJob();
    // A bound far beyond what the test takes, so the job is finished, not handed back, however loaded the machine.
    const instance = await startInstance(queue, { SHUTDOWN_TIMEOUT_MS: "600000" });
    await stopWhileHolding(instance, jobId);
    // Still serving while it drains: the held job finishes now.
    await fetch(`http://127.0.0.1:${instance.port}/release`);
    expect(await instance.exit).toBe(0);
    expect(await boss.getJobById(queue, jobId)).toMatchObject({ state: "completed", output: { finished: true } });
    expectCleanLog(instance);
  });

  it("hands back a job still running after the drain bound, which runs again at once elsewhere", async () => {
    const { queue, jobId } = await queueWithJob();
    // The job gets half of the bound (its handler never ends), then goes back; the rest closes the process.
    const instance = await startInstance(queue, { SHUTDOWN_TIMEOUT_MS: "10000" });
    await stopWhileHolding(instance, jobId);
    expect(await instance.exit).toBe(0);
    expect(await boss.getJobById(queue, jobId)).toMatchObject({ state: "retry", output: { message: HANDED_BACK } });
    const [again] = await boss.fetch(queue, { includeMetadata: true });
    expect(again).toMatchObject({ id: jobId, retryCount: 1 });
    expectCleanLog(instance);
  });
});
