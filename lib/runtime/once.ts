// "Start once per process" (issue 21 point 2), the one helper for it: the job engine, the workers and whatever
// else must run once in a process. What was started is kept on globalThis (lib/runtime/process-globals.d.ts),
// so Next's re-evaluation of modules (hot reload, separately bundled routes) shares it. A start that fails is
// forgotten, so the next call tries again; the caller still sees the failure.

/** What a process starts once, by name, and what each start answers. */
export type ProcessStarts = NonNullable<typeof globalThis.onrampStarted>;

function started(): ProcessStarts {
  globalThis.onrampStarted ??= {};
  return globalThis.onrampStarted;
}

/** Runs `start` unless this process already started `name` (or is starting it); answers that start. */
export function oncePerProcess<K extends keyof ProcessStarts>(
  name: K,
  start: () => NonNullable<ProcessStarts[K]>,
): NonNullable<ProcessStarts[K]> {
  const all = started();
  const running = all[name];
  if (running) return running;
  const starting = start();
  all[name] = starting;
  const forget = () => {
    if (all[name] === starting) delete all[name];
  };
  Promise.resolve(starting).catch(forget);
  return starting;
}

/** Forgets `name`'s start (its thing was stopped), so the next oncePerProcess starts it again; answers it. */
export function forgetStart<K extends keyof ProcessStarts>(name: K): ProcessStarts[K] {
  const all = started();
  const running = all[name];
  delete all[name];
  return running;
}
