import "server-only";
// The callback route's work (issue #5, C20–C23), as a function of the Request so the route, the fuzz
// test and the benchmark run the same code:
//   unknown key → 404, nothing recorded; size bound → 413 without reading on; signature over the exact
//   bytes, constant time, BEFORE parsing → 401 + counter; not understood → 400 {errorMessage};
//   stored durably → 200 with no body, processing queued after the answer; cannot store → 500, no body.
// There is no GET challenge here: the challengeCode handshake belongs to Developer-Portal webhooks, not
// Middleware callbacks (L19), and answering HMAC(secret, code) for a caller's code signs any text they
// choose ("hmacsha256=" + a body is a valid X-LI-Signature). The route answers POST only.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readBoundedBody, tooLargeMessage } from "@/lib/http/bounded-body";
import { logger } from "@/lib/log/logger";
import { currentTraceparent, inSpan } from "@/lib/tracing/spans";
import { metrics } from "@/lib/metrics/registry";
import { callbackSecrets, findCallbackCustomer } from "./callback-customer";
import { queueProcessingSoon } from "./enqueue";
import { parseNotificationBody, type NotificationPayload } from "./payload";
import { recordCallbackRejection } from "./rejections";
import { checkSignatureWithAny } from "./signature";

/** Runs work after the answer is sent (Next's after() in the route; tests pass their own). */
export type Defer = (work: () => Promise<void>) => void;

const NO_STORE = { "cache-control": "no-store" };

function errorMessage(status: number, message: string): Response {
  return Response.json({ errorMessage: message }, { status, headers: NO_STORE });
}

function empty(status: number): Response {
  return new Response(null, { status, headers: NO_STORE });
}

const NOT_FOUND = "No callback URL here.";

/** 500 with no body (C23): LinkedIn retries, and nothing about the failure leaks. */
function failed(err: unknown, where: string): Response {
  logger().error({ err, where }, "callback could not be handled; answering 500 so LinkedIn retries");
  return empty(500);
}

/**
 * One INSERT, durable when it returns (C23: answer 200 only then). Answers the new row's id, or null
 * when this customer already has a notification with this LinkedIn id. Raw SQL because it runs for
 * every push (bench/intake.bench.ts); the columns are those of the Notification model.
 */
async function storeNotification(
  customerId: string,
  payload: NotificationPayload,
  bytes: Uint8Array,
): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" ("id", "customerId", "linkedinId", "type", "expiresAt", "rawBody", "signatureValid", "receivedAt")
    VALUES (${randomUUID()}, ${customerId}, ${payload.id}, ${payload.type}, ${payload.expiresAt}, ${new TextDecoder().decode(bytes)}, true, ${new Date()})
    ON CONFLICT ("customerId", "linkedinId") DO NOTHING
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

type CallbackCustomer = NonNullable<Awaited<ReturnType<typeof findCallbackCustomer>>>;

/** The customer a callback key names, with its application secret; or the answer when there is none. */
async function customerForKey(
  callbackKey: string,
  where: string,
): Promise<{ customer: CallbackCustomer; secrets: string[] } | Response> {
  try {
    const customer = await findCallbackCustomer(callbackKey);
    if (!customer) return errorMessage(404, NOT_FOUND);
    return { customer, secrets: callbackSecrets(customer) };
  } catch (err) {
    return failed(err, where);
  }
}

/** The callback's work (see the file header), in the span that starts a push's trace (issue 24 point 2). */
export function receiveNotification(req: Request, callbackKey: string, defer: Defer): Promise<Response> {
  return inSpan("linkedin callback", { kind: "server" }, () => receive(req, callbackKey, defer));
}

async function receive(req: Request, callbackKey: string, defer: Defer): Promise<Response> {
  const found = await customerForKey(callbackKey, "customer lookup");
  if (found instanceof Response) return found;
  const { customer, secrets } = found;

  const body = await readBoundedBody(req, env().CALLBACK_MAX_BODY_BYTES).catch((err: unknown) => ({
    ok: false as const,
    reason: "unreadable" as const,
    err,
  }));
  if (!body.ok) {
    if (body.reason === "too_large") return errorMessage(413, tooLargeMessage(env().CALLBACK_MAX_BODY_BYTES));
    if (body.reason === "bad_length") return errorMessage(400, "The Content-Length header is not a number.");
    logger().warn(
      { err: "err" in body ? body.err : undefined, customerId: customer.customerId },
      "callback body could not be read",
    );
    return errorMessage(400, "The request body could not be read.");
  }

  const userAgent = req.headers.get("user-agent");
  const reject = async (reason: Parameters<typeof recordCallbackRejection>[1], message: string): Promise<Response> => {
    try {
      await recordCallbackRejection(customer.customerId, reason, { bodyBytes: body.bytes.byteLength, userAgent });
    } catch (err) {
      // The answer stays 401: a counter that could not be written must not turn a forgery into a retry.
      logger().error({ err, customerId: customer.customerId }, "could not count a refused callback");
    }
    return errorMessage(401, message);
  };

  if (secrets.length === 0) {
    return reject(
      "no_application_secret",
      "This customer has no LinkedIn application secret in Onramp, so no signature can be checked.",
    );
  }
  // L7: the current secret or, until it is retired, the previous one.
  const check = checkSignatureWithAny(secrets, body.bytes, req.headers.get("x-li-signature"));
  if (!check.ok) {
    const messages = {
      missing_signature: "The X-LI-Signature header is missing.",
      malformed_signature: "The X-LI-Signature header is not a hex HMAC-SHA256 signature.",
      bad_signature: "The X-LI-Signature header does not match the request body.",
    } as const;
    return reject(check.reason, messages[check.reason]);
  }

  const parsed = parseNotificationBody(body.bytes);
  if (!parsed.ok) {
    logger().warn({ customerId: customer.customerId, problem: parsed.errorMessage }, "signed callback not understood");
    return errorMessage(400, parsed.errorMessage);
  }

  let storedId: string | null;
  try {
    storedId = await storeNotification(customer.customerId, parsed.payload, body.bytes);
  } catch (err) {
    return failed(err, "storing the notification");
  }
  // A redelivery of an id already stored is received (C23); its first copy is being processed.
  if (storedId === null) return empty(200);
  metrics().notificationsReceived.inc();

  // The processing job continues this trace (issue 24 point 2).
  const notification = { id: storedId, customerId: customer.customerId, traceparent: currentTraceparent() };
  // After the answer (C23: processing happens as a job); failures are logged there and swept later.
  defer(() => queueProcessingSoon(notification));
  return empty(200);
}
