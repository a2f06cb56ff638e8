import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSignature, signNotification } from "./signature";
import { parseNotificationBody } from "./payload";

const enc = (s: string) => Buffer.from(s, "utf8");
const SECRET = "s3cr3t-ünïcode";
const BODY =
  '{"id":"59a92119-3b72-4d2f-8e12-137a13180df6-1","type":"EXPORT_CANDIDATE_PROFILE","expiresAt":1481402799192}';

describe("C20: X-LI-Signature", () => {
  it("is hex HMAC-SHA256 keyed with the UTF-8 secret over 'hmacsha256=' + the raw body", () => {
    const expected = createHmac("sha256", enc(SECRET))
      .update(enc(`hmacsha256=${BODY}`))
      .digest("hex");
    expect(signNotification(SECRET, BODY)).toBe(expected);
    expect(checkSignature(SECRET, enc(BODY), expected)).toEqual({ ok: true });
  });

  it("accepts plain hex, upper-case hex and the 'hmacsha256=' prefix; nothing else", () => {
    const sig = signNotification(SECRET, BODY);
    expect(checkSignature(SECRET, enc(BODY), sig.toUpperCase()).ok).toBe(true);
    expect(checkSignature(SECRET, enc(BODY), `hmacsha256=${sig}`).ok).toBe(true);
    expect(checkSignature(SECRET, enc(BODY), ` ${sig} `).ok).toBe(true);
    expect(checkSignature(SECRET, enc(BODY), `sha256=${sig}`)).toEqual({ ok: false, reason: "malformed_signature" });
    expect(checkSignature(SECRET, enc(BODY), Buffer.from(sig, "hex").toString("base64"))).toEqual({
      ok: false,
      reason: "malformed_signature",
    });
    expect(checkSignature(SECRET, enc(BODY), sig.slice(0, 63))).toEqual({ ok: false, reason: "malformed_signature" });
    expect(checkSignature(SECRET, enc(BODY), null)).toEqual({ ok: false, reason: "missing_signature" });
    expect(checkSignature(SECRET, enc(BODY), "")).toEqual({ ok: false, reason: "missing_signature" });
  });

  it("refuses a tampered body, a wrong secret and a signature of the body without the prefix", () => {
    const sig = signNotification(SECRET, BODY);
    expect(checkSignature(SECRET, enc(BODY.replace("-1", "-2")), sig)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkSignature(`${SECRET}x`, enc(BODY), sig)).toEqual({ ok: false, reason: "bad_signature" });
    const unprefixed = createHmac("sha256", enc(SECRET)).update(enc(BODY)).digest("hex");
    expect(checkSignature(SECRET, enc(BODY), unprefixed)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("is checked over the exact bytes: re-serialised JSON with the same meaning does not pass", () => {
    const sig = signNotification(SECRET, BODY);
    const reformatted = JSON.stringify(JSON.parse(BODY), null, 1);
    expect(checkSignature(SECRET, enc(reformatted), sig).ok).toBe(false);
  });
});

describe("C22/C23: reading a signed body", () => {
  it("reads id, type and expiresAt; 0, null or absent expiresAt means never expires (C19 sends 0)", () => {
    expect(parseNotificationBody(enc(BODY))).toEqual({
      ok: true,
      payload: {
        id: "59a92119-3b72-4d2f-8e12-137a13180df6-1",
        type: "EXPORT_CANDIDATE_PROFILE",
        expiresAt: new Date(1481402799192),
      },
    });
    for (const body of [
      '{"id":"a","type":"INTEGRATION_STATUS_CHANGE","expiresAt":0}',
      '{"id":"a","type":"T"}',
      '{"id":"a","type":"T","expiresAt":null}',
    ]) {
      const r = parseNotificationBody(enc(body));
      expect(r.ok && r.payload.expiresAt).toBe(null);
    }
  });

  it.each([
    ["not json", "The request body is not valid JSON."],
    ["", "The request body is empty; expected a JSON object with id and type."],
    ["[1]", "The request body must be a JSON object with id and type, got an array."],
    ['"x"', "The request body must be a JSON object with id and type, got a string."],
    ['{"type":"T"}', "Failed to get id from request payload: the field is missing."],
    ['{"id":5,"type":"T"}', "Failed to get id from request payload: expected a string, got a number."],
    ['{"id":" ","type":"T"}', "Failed to get id from request payload: it is empty."],
    ['{"id":"a"}', "Failed to get type from request payload: the field is missing."],
    ['{"id":"a","type":null}', "Failed to get type from request payload: expected a string, got null."],
    [
      '{"id":"a","type":"T","expiresAt":"soon"}',
      "expiresAt must be epoch milliseconds (a non-negative integer), got a string.",
    ],
    ['{"id":"a","type":"T","expiresAt":-1}', "expiresAt must be epoch milliseconds (a non-negative integer), got -1."],
    [
      '{"id":"a","type":"T","expiresAt":1.5}',
      "expiresAt must be epoch milliseconds (a non-negative integer), got 1.5.",
    ],
    ['{"id":"a\\u0000","type":"T"}', "The id and type must not contain NUL characters."],
    ['{"id":"a\\ud800","type":"T"}', "The id and type must be valid Unicode text."],
    ['{"id":"a","type":"\\udc00x"}', "The id and type must be valid Unicode text."],
  ])("refuses %j naming what is wrong", (body, message) => {
    expect(parseNotificationBody(enc(body))).toEqual({ ok: false, errorMessage: message });
  });

  it("C22: reads expires_at (the seed's sample) as well as expiresAt (its field table)", () => {
    const snake = parseNotificationBody(enc('{"id":"a","type":"EXPORT_CANDIDATE_PROFILE","expires_at":1481402799192}'));
    expect(snake.ok && snake.payload.expiresAt).toEqual(new Date(1481402799192));
    const both = parseNotificationBody(
      enc('{"id":"a","type":"T","expiresAt":1481402799192,"expires_at":1481402799192}'),
    );
    expect(both.ok && both.payload.expiresAt).toEqual(new Date(1481402799192));
    expect(parseNotificationBody(enc('{"id":"a","type":"T","expiresAt":1,"expires_at":2}'))).toEqual({
      ok: false,
      errorMessage: "expiresAt (1) and expires_at (2) disagree; send one of them.",
    });
    expect(parseNotificationBody(enc('{"id":"a","type":"T","expires_at":"soon"}'))).toMatchObject({
      ok: false,
      errorMessage: expect.stringMatching(/^expires_at must be epoch/),
    });
  });

  it("keeps a real surrogate pair (an emoji) in an id", () => {
    const r = parseNotificationBody(enc('{"id":"a\\ud83d\\ude00","type":"T"}'));
    expect(r.ok && r.payload.id).toBe("a😀");
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(parseNotificationBody(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({
      ok: false,
      errorMessage: "The request body is not valid UTF-8.",
    });
  });
});
