// Issue 24 point 2: tracing starts only when OpenTelemetry's standard variables ask for it; unset, no provider is
// registered and a span is the API's no-op: no trace context to carry, nothing on log lines.
import { afterEach, describe, expect, it } from "vitest";
import { setProcessEnv } from "@/lib/env";
import { logMixin } from "@/lib/log/logger";
import { startTracing, tracesUrl } from "./setup";
import { currentTraceparent, inSpan, tracingActive } from "./spans";

const OTEL = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_TRACES_EXPORTER"];
afterEach(() => setProcessEnv(Object.fromEntries(OTEL.map((k) => [k, undefined]))));

describe("tracing set-up", () => {
  it("is off without an OTLP endpoint, and a span then carries nothing", async () => {
    expect(tracesUrl()).toBeNull();
    expect(startTracing()).toBe(false);
    const seen = await inSpan("untraced", {}, async () => ({ parent: currentTraceparent(), log: logMixin() }));
    expect(seen).toEqual({ parent: undefined, log: {} });
    expect(tracingActive()).toBe(false);
  });

  it("sends to OTEL_EXPORTER_OTLP_ENDPOINT's /v1/traces, or to the traces endpoint named outright", () => {
    setProcessEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" });
    expect(tracesUrl()).toBe("http://collector:4318/v1/traces");
    setProcessEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://other:4318/custom" });
    expect(tracesUrl()).toBe("http://other:4318/custom");
  });

  it("stays off when OTEL_TRACES_EXPORTER is none, even with an endpoint", () => {
    setProcessEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_TRACES_EXPORTER: "none" });
    expect(tracesUrl()).toBeNull();
    expect(startTracing()).toBe(false);
  });
});
