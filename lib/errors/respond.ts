import "server-only";
// Maps any thrown value to what a person or client may see. SafeErrors say what happened; anything else
// is logged with a reference and answered generically, so internals and secrets never leak.
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { logger } from "@/lib/log/logger";
import { SafeError } from "./safe-error";
import { validationErrors } from "./validation";

export type ErrorBody = {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]>; reference?: string };
};

export function toSafeError(e: unknown): SafeError {
  if (e instanceof SafeError) return e;
  if (e instanceof z.ZodError) {
    const { errors, message } = validationErrors(e, "Some fields are not valid.");
    return new SafeError("unprocessable", message, errors);
  }
  const reference = randomUUID();
  logger().error({ err: e, reference }, "unexpected error");
  return new SafeError(
    "unavailable",
    `Something went wrong on our side (reference ${reference}). Please try again.`,
    undefined,
    { notice: { key: "unexpected", values: { reference } } },
  );
}

export function errorResponse(e: unknown): NextResponse<ErrorBody> {
  const safe = toSafeError(e);
  const status = safe.code === "unavailable" && !(e instanceof SafeError) ? 500 : safe.status;
  return NextResponse.json(
    {
      error: { code: safe.code, message: safe.message, ...(safe.fieldErrors ? { fieldErrors: safe.fieldErrors } : {}) },
    },
    { status },
  );
}
