// Reading a signed notification body (C19, C22, C23). Pure. Every refusal names what is wrong, because
// it is LinkedIn's 400 errorMessage (C23) and the only clue anyone gets about a body Onramp could not use.

export const INTEGRATION_STATUS_CHANGE = "INTEGRATION_STATUS_CHANGE";

/** Longest id and type Onramp stores; LinkedIn's are UUID-like and enum names (seed 003). */
export const MAX_ID_CHARS = 512;
export const MAX_TYPE_CHARS = 128;
/** The largest instant a JavaScript Date holds. */
const MAX_EPOCH_MS = 8.64e15;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface NotificationPayload {
  id: string;
  type: string;
  /** null: the id never expires (absent, null or 0, as LinkedIn sends 0 for status changes, C19, C22). */
  expiresAt: Date | null;
}

export type PayloadResult = { ok: true; payload: NotificationPayload } | { ok: false; errorMessage: string };

const fail = (errorMessage: string): PayloadResult => ({ ok: false, errorMessage });

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

/** Decodes and checks the exact bytes received. Unknown extra fields are allowed (C22: other types exist). */
export function parseNotificationBody(bytes: Uint8Array): PayloadResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail("The request body is not valid UTF-8.");
  }
  if (text.trim() === "") return fail("The request body is empty; expected a JSON object with id and type.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail("The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail(`The request body must be a JSON object with id and type, got ${describeValue(value)}.`);
  }
  const body = value as Record<string, unknown>;
  if (!("id" in body)) return fail("Failed to get id from request payload: the field is missing.");
  if (typeof body.id !== "string")
    return fail(`Failed to get id from request payload: expected a string, got ${describeValue(body.id)}.`);
  if (body.id.trim() === "") return fail("Failed to get id from request payload: it is empty.");
  if (body.id.length > MAX_ID_CHARS) return fail(`The id is longer than ${MAX_ID_CHARS} characters.`);
  if (!("type" in body)) return fail("Failed to get type from request payload: the field is missing.");
  if (typeof body.type !== "string")
    return fail(`Failed to get type from request payload: expected a string, got ${describeValue(body.type)}.`);
  if (body.type.trim() === "") return fail("Failed to get type from request payload: it is empty.");
  if (body.type.length > MAX_TYPE_CHARS) return fail(`The type is longer than ${MAX_TYPE_CHARS} characters.`);
  // Postgres text can not hold NUL; a JSON escape (\u0000) would decode to one.
  if (body.id.includes("\u0000") || body.type.includes("\u0000"))
    return fail("The id and type must not contain NUL characters.");
  // A JSON escape of half a surrogate pair (\ud800) is no character at all: stored, it would become
  // U+FFFD, and the id Onramp looked up and deduplicated by would no longer be the id LinkedIn sent.
  if (LONE_SURROGATE.test(body.id) || LONE_SURROGATE.test(body.type))
    return fail("The id and type must be valid Unicode text.");

  let expiresAt: Date | null = null;
  // C22: the seed's field table spells it expiresAt, its sample expires_at; both are read, and two
  // different values are refused rather than guessed between.
  const camel = body.expiresAt;
  const snake = body.expires_at;
  if (camel !== undefined && camel !== null && snake !== undefined && snake !== null && camel !== snake) {
    return fail(
      `expiresAt (${JSON.stringify(camel)}) and expires_at (${JSON.stringify(snake)}) disagree; send one of them.`,
    );
  }
  const field = camel !== undefined && camel !== null ? "expiresAt" : "expires_at";
  const raw = camel ?? snake;
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0 || raw > MAX_EPOCH_MS) {
      return fail(
        `${field} must be epoch milliseconds (a non-negative integer), got ${typeof raw === "number" ? String(raw) : describeValue(raw)}.`,
      );
    }
    expiresAt = raw === 0 ? null : new Date(raw);
  }
  return { ok: true, payload: { id: body.id, type: body.type, expiresAt } };
}
