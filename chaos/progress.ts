// The chaos run's clock and voice (chaos/run.ts): lines stamped with the seconds since the start, phases timed
// with the load average at their end, numeric settings read from the environment, and waits that give up only
// when progress stops.
import { loadavg } from "node:os";
import { processEnvSnapshot } from "@/lib/env";

/** When the run started: every line says how long ago. */
export const started = Date.now();
export const say = (line: string) =>
  console.log(`[chaos] ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => (loadavg()[0] ?? 0).toFixed(1);

/** Phases in order, each timed from the end of the previous one, with the 1-minute load average at its end. */
export type Lap = { phase: string; seconds: number; load: string };
/** The phases timed so far, in order. */
export const laps: Lap[] = [];
let lapStarted = Date.now();
export function lap(phase: string): void {
  const seconds = (Date.now() - lapStarted) / 1000;
  lapStarted = Date.now();
  laps.push({ phase, seconds, load: load() });
  say(`── ${phase}: ${seconds.toFixed(0)} s (load ${load()})`);
}
/** A non-negative number from the environment, or `def`. */
export const num = (name: string, def: number) => {
  const v = Number(processEnvSnapshot()[name]);
  return Number.isFinite(v) && v >= 0 && processEnvSnapshot()[name] ? v : def;
};

/**
 * Waits until `measure` (which may fail while the database is down) reaches `target`, giving up only when it
 * has not moved for `stallMs`: on a loaded machine slow progress is not loss, no progress is. `tell` words a
 * reading for the log (a count of what is left is measured as its negative, towards 0).
 */
export async function settle(
  what: string,
  measure: () => Promise<number>,
  target: number,
  stallMs: number,
  tell: (now: number) => string = (now) => `${now} of ${target}`,
): Promise<boolean> {
  let last = -1;
  let movedAt = Date.now();
  let toldAt = Date.now();
  for (;;) {
    const now = await measure().catch(() => last);
    if (now >= target) return true;
    if (Date.now() - toldAt >= 15_000) {
      toldAt = Date.now();
      say(`    waiting for ${what}: ${tell(now)}`);
    }
    if (now !== last) {
      last = now;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > stallMs) {
      say(`gave up waiting for ${what}: ${tell(now)}, no progress for ${stallMs / 1000} s`);
      return false;
    }
    await sleep(500);
  }
}
