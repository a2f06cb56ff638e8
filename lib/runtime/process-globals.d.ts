// Process-wide singletons that must survive Next's module re-evaluation in development (hot reload) and
// be shared by the modules Next bundles separately: one database client, one pg-boss, one logger, one
// loop of each kind per process. Declared here, once, so every module reads them typed from globalThis.
// Nothing here holds state that must hold across requests on several instances (that lives in PostgreSQL).
import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { Transporter } from "nodemailer";
import type PgBoss from "pg-boss";
import type pino from "pino";
import type { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { RunningLoop } from "@/lib/jobs/loop";
import type { OnrampMetrics } from "@/lib/metrics/registry";
import type { WorkLanes } from "@/lib/jobs/work";
import type { ProcessingBatch } from "@/lib/notifications/enqueue";
import type { ShutdownState } from "@/lib/runtime/shutdown";

declare global {
  var onrampDb: PrismaClient | undefined;
  var onrampLogger: pino.Logger | undefined;
  /** What lib/runtime/once.ts started in this process: the job engine, the workers. */
  var onrampStarted: { boss?: Promise<PgBoss>; workers?: Promise<void> } | undefined;
  var onrampProcessingBatch: ProcessingBatch | null | undefined;
  var onrampEmailKick: (() => void) | undefined;
  var onrampSmtp: { url: string; transport: Transporter } | undefined;
  var onrampWorkLanes: WorkLanes | undefined;
  /** The process's polling loops (lib/jobs/loop.ts, e.g. the webhook deliveries), by name. */
  var onrampLoops: Map<string, RunningLoop> | undefined;
  /** The process's stop (lib/runtime/shutdown.ts): begun or not, and what each step runs. */
  var onrampShutdown: ShutdownState | undefined;
  /** The Prometheus registry and counters of this process (lib/metrics/registry.ts, issue 24). */
  var onrampMetrics: OnrampMetrics | undefined;
  /** The tracer provider, when OTEL_* turned tracing on (lib/tracing/setup.ts, issue 24). */
  var onrampTracing: NodeTracerProvider | undefined;
  /** Set by scripts/serve.ts before Next loads: x-onramp-client-address is the server's (lib/http/client-address.ts). */
  var onrampClientAddressServer: true | undefined;
  /** The "not behind scripts/serve.ts" warning was logged (lib/http/request-source.ts). */
  var onrampClientAddressWarned: true | undefined;
  /** Each request's first byte, for the sections that wait for their page's frame (lib/http/first-byte.ts). */
  var onrampFirstByte: AsyncLocalStorage<import("@/lib/http/first-byte").FirstByte> | undefined;
}
