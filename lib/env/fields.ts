// Field shapes the environment schemas share (lib/env.ts composes the schemas; it alone reads process.env).
import { z } from "zod";

/** A 32-byte key, base64-encoded. */
export const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

/** An http(s) URL without trailing slashes. */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((u) => u.replace(/\/+$/, ""));
/** A non-negative integer with a default. */
export const intFromEnv = (def: number) => z.coerce.number().int().nonnegative().default(def);
/** "true"/"false"/"1"/"0" with a default. */
export const boolFromEnv = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(def ? "true" : "false")
    .transform((v) => v === "true" || v === "1");
