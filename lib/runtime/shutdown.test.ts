// The stop routine itself (issue 24 point 5), without a process: its order, its idempotence, its bound. The real
// stop of a real process is lib/runtime/shutdown.db.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { eventually } from "@/test/eventually";
import { isShuttingDown, onShutdown, type ShutdownStep, shutDown } from "./shutdown";

type Line = { level: "info" | "error"; message: string };

function recorder() {
  const lines: Line[] = [];
  const exits: number[] = [];
  return {
    lines,
    exits,
    log: {
      info: (_: object, message: string) => lines.push({ level: "info", message }),
      error: (_: object, message: string) => lines.push({ level: "error", message }),
    },
    exit: (code: number) => exits.push(code),
  };
}

beforeEach(() => {
  globalThis.onrampShutdown = undefined;
});

describe("shutDown", () => {
  it("runs the steps jobs, web, queue, database in that order, once, then exits 0 without an error", async () => {
    const ran: ShutdownStep[] = [];
    for (const step of ["database", "queue", "web", "jobs"] as const)
      onShutdown(step, async () => {
        ran.push(step);
      });
    const r = recorder();
    expect(isShuttingDown()).toBe(false);
    const first = shutDown({ reason: "SIGTERM", timeoutMs: 60_000, log: r.log, exit: r.exit });
    expect(isShuttingDown()).toBe(true);
    const second = shutDown({ reason: "SIGINT", timeoutMs: 60_000, log: r.log, exit: r.exit });
    expect(second).toBe(first);
    await first;
    expect(ran).toEqual(["jobs", "web", "queue", "database"]);
    expect(r.exits).toEqual([0]);
    expect(r.lines.filter((l) => l.level === "error")).toEqual([]);
  });

  it("gives work held the first half of the bound", async () => {
    let given = -1;
    onShutdown("jobs", async (drainMs) => {
      given = drainMs;
    });
    const r = recorder();
    await shutDown({ reason: "SIGTERM", timeoutMs: 20_000, log: r.log, exit: r.exit });
    expect(given).toBeGreaterThanOrEqual(5_000);
    expect(given).toBeLessThanOrEqual(10_000);
  });

  it("still closes the database after a step failed, and exits 1 saying so", async () => {
    let closed = false;
    onShutdown("web", async () => {
      throw new Error("close failed");
    });
    onShutdown("database", async () => {
      closed = true;
    });
    const r = recorder();
    await shutDown({ reason: "SIGTERM", timeoutMs: 60_000, log: r.log, exit: r.exit });
    expect(closed).toBe(true);
    expect(r.exits).toEqual([1]);
    expect(r.lines).toContainEqual({ level: "error", message: "shutdown: a step failed; going on with the next" });
  });

  it("exits 1 with a log line when a step hangs past the bound", async () => {
    onShutdown("jobs", () => new Promise<void>(() => {}));
    const r = recorder();
    void shutDown({ reason: "SIGTERM", timeoutMs: 50, log: r.log, exit: r.exit });
    await eventually("the bound to end the stop", () => r.exits.length > 0);
    expect(r.exits).toEqual([1]);
    expect(r.lines.at(-1)).toEqual({ level: "error", message: "shutdown did not finish within 50 ms; exiting anyway" });
  });
});
