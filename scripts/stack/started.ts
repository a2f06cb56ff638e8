// What a launcher started, stopped in reverse order. A stop requested while something is still starting (Ctrl-C
// during initdb) waits for that start and stops it too, and nothing new starts afterwards: no PostgreSQL or
// `next` is left running behind a launcher that exited.
export class StartedServices {
  private readonly stops: (() => Promise<void>)[] = [];
  private readonly starting = new Set<Promise<unknown>>();
  private stopping = false;

  /** Starts a service and remembers how to stop it; when stopAll() began meanwhile, stops it and rejects. */
  async start<T>(start: () => Promise<T>, stop: (service: T) => Promise<void>): Promise<T> {
    if (this.stopping) throw new Error("stopping: nothing more is started");
    const run = (async () => {
      const service = await start();
      if (this.stopping) {
        await stop(service);
        throw new Error("stopping: stopped as soon as it started");
      }
      this.stops.push(() => stop(service));
      return service;
    })();
    this.starting.add(run);
    try {
      return await run;
    } finally {
      this.starting.delete(run);
    }
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.starting]);
    for (const stop of this.stops.splice(0).reverse())
      await stop().catch((e: unknown) => console.error("[onramp] stop failed:", e instanceof Error ? e.message : e));
  }
}
