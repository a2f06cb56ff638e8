// The one way a zod error becomes what a person reads (issue 21 point 4): each field's messages under its
// path ("integrations.0.id"; "_" for the input as a whole) and one sentence. Server actions answer it to
// useActionState, route handlers put it in their error body; both read the same keys.
import type { z } from "zod";

export type ValidationErrors = { errors: Record<string, string[]>; message: string };

/**
 * Field-level messages of `error`; `message` is the whole input's own messages, else `fallback`. `say` words an
 * issue for its reader (a customer admin's language, issue 25); by default the schema's own English.
 */
export function validationErrors(
  error: z.ZodError,
  fallback = "Some fields need attention.",
  say: (issue: z.core.$ZodIssue) => string = (issue) => issue.message,
): ValidationErrors {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    errors[key] = [...(errors[key] ?? []), say(issue)];
  }
  return { errors, message: errors._?.join(" ") || fallback };
}
