import "server-only";
// Issue 24 point 2: traces over OTLP/HTTP, started only when OpenTelemetry's standard variables ask for them
// (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, and OTEL_TRACES_EXPORTER not "none"; read
// by lib/env.ts, the only reader of process.env). Unset, no provider is registered and the API's spans are
// no-ops (lib/tracing/spans.ts). Started by instrumentation.ts (the web server) and scripts/worker.ts.
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { env } from "@/lib/env";

/** "k=v,k2=v2" as the OTLP specification writes headers. */
function parseHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const part of (value ?? "").split(",")) {
    const i = part.indexOf("=");
    if (i > 0) headers[decodeURIComponent(part.slice(0, i).trim())] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return headers;
}

/** Where traces go, or null when tracing is off. */
export function tracesUrl(): string | null {
  const e = env();
  if (e.OTEL_TRACES_EXPORTER === "none") return null;
  if (e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (e.OTEL_EXPORTER_OTLP_ENDPOINT) return `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`;
  return null;
}

/** Registers the process's tracer provider once when tracing is on; answers whether it is. */
export function startTracing(): boolean {
  if (globalThis.onrampTracing) return true;
  const url = tracesUrl();
  if (!url) return false;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env().OTEL_SERVICE_NAME }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url, headers: parseHeaders(env().OTEL_EXPORTER_OTLP_HEADERS) })),
    ],
  });
  // Also sets the W3C trace-context propagator and the AsyncLocalStorage context manager.
  provider.register();
  globalThis.onrampTracing = provider;
  return true;
}

/** Sends the spans still buffered (a stop, a test); nothing when tracing is off. */
export async function flushTracing(): Promise<void> {
  await globalThis.onrampTracing?.forceFlush();
}
