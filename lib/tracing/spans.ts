// Issue 24 point 2: spans and the trace context that crosses the queue. Imports only @opentelemetry/api: with no
// tracer provider registered (lib/tracing/setup.ts starts one only when OTEL_* asks for it) every span here is
// the API's no-op, and currentTraceparent() answers undefined, so tracing off costs a few function calls.
// One trace follows a push: the callback's span, the processing job's (its parent travels in the queue job's
// data), the LinkedIn calls inside it, and the delivery of the events it emitted (the parent stored on the event).
import {
  type Attributes,
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";

const tracer = () => trace.getTracer("onramp");

export type SpanOptions = {
  attributes?: Attributes;
  /** A W3C traceparent the span continues (work picked up from the queue or the outbox). */
  parent?: string | null;
  kind?: "server" | "client" | "consumer" | "internal";
};

const KINDS = {
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  consumer: SpanKind.CONSUMER,
  internal: SpanKind.INTERNAL,
};

/** Runs `work` inside a new span (a child of the active span, or of `parent`), ended when it settles. */
export function inSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  const parent = options.parent ? propagation.extract(ROOT_CONTEXT, { traceparent: options.parent }) : context.active();
  return tracer().startActiveSpan(
    name,
    { attributes: options.attributes, kind: KINDS[options.kind ?? "internal"] },
    parent,
    async (span) => {
      try {
        return await work();
      } catch (err) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

/** Whether a tracer provider is registered (lib/tracing/setup.ts): work that only feeds spans may skip otherwise. */
export function tracingActive(): boolean {
  return propagation.fields().length > 0;
}

/** The active span's W3C traceparent, to store beside queued work; undefined when tracing is off. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The active span's trace id, for log lines (lib/log/logger.ts); undefined outside a recorded span. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? span.traceId : undefined;
}
