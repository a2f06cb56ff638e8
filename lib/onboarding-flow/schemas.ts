import "server-only";
// The browser's report on LinkedIn's script (issue 22 point 3): a visit id the server minted, an outcome and, when
// it failed, one reason from a fixed list. Nothing else: the report can not carry text of its own.
import { z } from "zod";
import { SCRIPT_FAILURE_REASONS } from "./steps";

export const scriptReportSchema = z
  .object({
    visitId: z.uuid("Reload the page."),
    outcome: z.enum(["OK", "FAILED"]),
    reason: z.enum(SCRIPT_FAILURE_REASONS).optional(),
  })
  .strict();
