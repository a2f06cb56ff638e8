// The vendor API's one cursor (issue 21 point 4): parts round-trip, the feed's old cursors read the same, and a
// cursor Onramp did not hand out is a 400 on `cursor` saying what to do.
import { describe, expect, it } from "vitest";
import { SafeError } from "@/lib/errors/safe-error";
import { cursorParts, decodeCursor, encodeCursor } from "./cursor";

describe("the one cursor", () => {
  it("gives back the parts it was made of, for that many parts only", () => {
    const cursor = encodeCursor([BigInt(42), 7, "ckx1abc"]);
    expect(cursorParts(cursor, 3)).toEqual(["42", "7", "ckx1abc"]);
    expect(cursorParts(cursor, 2)).toBeNull();
  });

  it("is the feed's cursor as handed out before: base64url of txid.id", () => {
    expect(encodeCursor([BigInt(123), BigInt(456)])).toBe(Buffer.from("123.456").toString("base64url"));
  });

  it("refuses a part that could hold the separator", () => {
    expect(() => encodeCursor(["2026-01-01T00:00:00.000Z"])).toThrow(/plain token/);
  });

  it("answers 400 on cursor for garbage, or parts the list does not accept", () => {
    const read = ([n = ""]: string[]) => (/^\d+$/.test(n) ? Number(n) : null);
    expect(decodeCursor(encodeCursor([5]), 1, read)).toBe(5);
    for (const bad of ["zzz", encodeCursor(["abc"]), ""]) {
      const error = (() => {
        try {
          decodeCursor(bad, 1, read);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SafeError);
      expect((error as SafeError).fieldErrors?.cursor?.[0]).toMatch(/nextCursor/);
    }
  });
});
