// The one cursor of the vendor API's lists (issue 21 point 4): the last row's sort key, its parts joined by "."
// and base64url-encoded, opaque to callers. Parts are digits, ids or ISO-free tokens ([A-Za-z0-9_-]), so the dot
// never appears inside one. The event feed's cursors ("{txid}.{id}") were already of this form, so the ones handed
// out before stay valid. Pure.
import { SafeError } from "@/lib/errors/safe-error";

const PART = /^[A-Za-z0-9_-]{1,100}$/;

export function encodeCursor(parts: readonly (string | number | bigint)[]): string {
  const text = parts.map(String);
  if (text.length === 0 || !text.every((p) => PART.test(p))) throw new Error("A cursor part must be a plain token.");
  return Buffer.from(text.join("."), "utf8").toString("base64url");
}

/** The cursor's parts, or null when it is not one encodeCursor made with that many parts. */
export function cursorParts(cursor: string, count: number): string[] | null {
  const parts = Buffer.from(cursor, "base64url").toString("utf8").split(".");
  return parts.length === count && parts.every((p) => PART.test(p)) ? parts : null;
}

/** The answer to a cursor Onramp did not hand out: 400 on the `cursor` parameter, saying what to do. */
export function invalidCursor(): SafeError {
  return new SafeError("bad_request", "The cursor is not one Onramp handed out.", {
    cursor: ["Pass nextCursor from the previous page unchanged, or leave cursor out to start again."],
  });
}

/** The cursor's parts, read with `read`; 400 when they are not a cursor of this list. */
export function decodeCursor<T>(cursor: string, count: number, read: (parts: string[]) => T | null): T {
  const parts = cursorParts(cursor, count);
  const value = parts ? read(parts) : null;
  if (value === null) throw invalidCursor();
  return value;
}
