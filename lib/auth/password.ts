import "server-only";
// argon2id through @node-rs/argon2 (prebuilt, maintained; no install script needed).
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const passwordSchema = z.string().min(12, "Use at least 12 characters.").max(200, "Use at most 200 characters.");

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

// A real hash of a random password: verifying against it when the email is unknown keeps sign-in
// time the same for known and unknown emails.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(`not-a-real-password-${Math.random().toString(36)}`);
  return dummyHash;
}
