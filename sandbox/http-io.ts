// The request/answer plumbing shared by every route. Handlers return a Reply so the server can log
// each call (endpoint, application, status, entity count) in one place.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface Reply {
  status: number;
  /** JSON body; absent means no body. */
  json?: unknown;
  /** Raw text body (scripts, HTML), sent with `contentType`. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Why the sandbox refused the request, recorded in /_sandbox/violations. */
  rejection?: string;
}

export interface CallNote {
  endpoint: string;
  clientId: string | null;
  entityCount: number | null;
}

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  url: URL;
  note: CallNote;
  body(): Promise<Buffer>;
  header(name: string): string | undefined;
}

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, json: body, headers };
}

/**
 * LinkedIn's API error body `{"serviceErrorCode", "message", "status"}` with `X-RestLi-Error-Response: true` (L25).
 * ASSUMPTION: LinkedIn's codes are public only for a few errors (65600… tokens, 101 throttling); others get 100.
 */
export function apiError(status: number, message: string, serviceErrorCode = 100): Reply {
  return {
    status,
    json: { message, serviceErrorCode, status },
    headers: { "X-RestLi-Error-Response": "true" },
    rejection: message,
  };
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; reply: Reply };

/** Reads a JSON body, refusing other content types and malformed JSON as LinkedIn does. */
export async function readJson(ctx: RequestContext): Promise<JsonBody> {
  const type = ctx.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    return { ok: false, reply: apiError(400, `Content-Type must be application/json, got "${type}"`) };
  const raw = (await ctx.body()).toString("utf8");
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (err) {
    if (err instanceof SyntaxError) return { ok: false, reply: apiError(400, `malformed JSON body: ${err.message}`) };
    throw err;
  }
}

/** Formats zod issues into one line a test (or person) can read. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "(body)"}: ${i.message}`).join("; ");
}

/** Writes a Reply. */
export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers["Content-Type"] = "application/json";
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers["Content-Type"] = reply.contentType ?? "text/plain; charset=utf-8";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
