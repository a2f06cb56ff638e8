import "server-only";
// Structured logs (pino). Secrets never reach a log line: the redact paths cover every field name
// that carries one, and callers log ids, never credentials (C3).
import pino from "pino";
import { env } from "@/lib/env";
import { currentTraceId } from "@/lib/tracing/spans";

export const REDACT_PATHS = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "*.client_secret",
  "secret",
  "*.secret",
  "accessToken",
  "*.accessToken",
  "access_token",
  "*.access_token",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "clientSecretEnc",
  "*.clientSecretEnc",
  "accessTokenEnc",
  "*.accessTokenEnc",
];

/** What every log line gets besides its own fields: the trace id inside a traced span (issue 24 point 2). */
export function logMixin(): { trace_id?: string } {
  const traceId = currentTraceId();
  return traceId ? { trace_id: traceId } : {};
}

const globalForLog = globalThis;

export function logger(): pino.Logger {
  globalForLog.onrampLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { app: "onramp" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    mixin: logMixin,
  });
  return globalForLog.onrampLogger;
}
