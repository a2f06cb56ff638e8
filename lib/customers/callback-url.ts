// Each customer's own callback URL (C21): one per customer, never shared, built from PUBLIC_URL.
import { randomBytes } from "node:crypto";

export function newCallbackKey(): string {
  // 32 random bytes: unguessable, URL-safe.
  return randomBytes(32).toString("base64url");
}

export function callbackUrlFor(publicUrl: string, callbackKey: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/api/linkedin/callback/${callbackKey}`;
}
