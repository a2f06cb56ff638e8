// Waiting for state in tests without timing margins: poll until the state is reached, or until a
// state from which it can no longer be reached (a terminal one: a job FAILED, a process that exited).
// There is no deadline here: how long a state takes depends on the machine's load, and a wait that
// never ends is a hang, which the test runner's own timeout reports (vitest.config.ts).

export type EventuallyOptions = {
  /** Answers why the awaited state can no longer come (a terminal state reached), or null to keep waiting. */
  failWhen?: () => Promise<string | null | undefined> | string | null | undefined;
};

export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  options: EventuallyOptions = {},
): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    const hopeless = await options.failWhen?.();
    if (hopeless) {
      // One last look: the state may have come together with the terminal one.
      const last = await probe();
      if (last) return last;
      throw new Error(`waiting for ${what}: ${hopeless}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
