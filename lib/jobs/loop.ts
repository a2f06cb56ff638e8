import "server-only";
// A polling loop (issue 21 point 2): work that every process runs all the time, claiming its rows itself (a lease,
// FOR UPDATE SKIP LOCKED) rather than through a queue, such as the webhook deliveries (lib/webhooks/send.ts). The
// process's loops are listed in its composition root (server/composition.ts); this is their one start and stop.
import { logger } from "@/lib/log/logger";
import { isShuttingDown } from "@/lib/runtime/shutdown";

export type LoopDefinition = {
  /** What a log line calls it. */
  name: string;
  /** How many rounds run at once in this process (a slow round holds up one lane, not all). */
  lanes(): number;
  /** The pause after a round that found nothing to do. */
  idleMs(): number;
  /** One round; answers how much it did (0: nothing was due). */
  round(): Promise<number>;
};

export type RunningLoop = { stop(drainMs?: number): Promise<void> };

export function defineLoop(definition: LoopDefinition): LoopDefinition {
  return definition;
}

function running(): Map<string, RunningLoop> {
  globalThis.onrampLoops ??= new Map();
  return globalThis.onrampLoops;
}

/**
 * Runs the loop in this process until stopped: `lanes()` lanes, each running one round after another while
 * there is work, and pausing `idleMs()` when there is none. A loop already running here is left as it is.
 */
export function startLoop(loop: LoopDefinition): RunningLoop {
  const existing = running().get(loop.name);
  if (existing) return existing;
  if (isShuttingDown()) return { stop: async () => {} }; // a start still under way when the stop began (issue 24)
  let on = true;
  const wakers = new Set<() => void>();
  const lane = async () => {
    while (on) {
      let done = 0;
      try {
        done = await loop.round();
      } catch (err) {
        logger().error({ err, loop: loop.name }, "loop round failed; trying again");
      }
      if (done === 0 && on) {
        await new Promise<void>((r) => {
          wakers.add(r);
          setTimeout(() => {
            wakers.delete(r);
            r();
          }, loop.idleMs());
        });
      }
    }
  };
  const lanes = Promise.all(Array.from({ length: loop.lanes() }, lane));
  const handle: RunningLoop = {
    /** Starts no new round; waits for the rounds under way, or only `drainMs` when given (a stop, issue 24). */
    stop: async (drainMs?: number) => {
      on = false;
      for (const wake of wakers) wake();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        if (drainMs !== undefined) timer = setTimeout(resolve, drainMs);
      });
      await Promise.race([lanes, late]);
      clearTimeout(timer);
      if (running().get(loop.name) === handle) running().delete(loop.name);
    },
  };
  running().set(loop.name, handle);
  return handle;
}

/** Stops every loop of this process (see RunningLoop.stop). */
export async function stopLoops(drainMs?: number): Promise<void> {
  await Promise.all([...running().values()].map((loop) => loop.stop(drainMs)));
}
