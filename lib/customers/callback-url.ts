// Each customer's own callback key (C21): one per customer, never shared; the URL built from it is
// lib/linkedin/callback-url.ts's callbackUrlFor.
import { randomBytes } from "node:crypto";

export function newCallbackKey(): string {
  // 32 random bytes: unguessable, URL-safe.
  return randomBytes(32).toString("base64url");
}
