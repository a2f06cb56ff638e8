"use server";
// Operator actions of the issues view: "rotate every secret older than N days" (L7, lib/customers/bulk-rotation.ts).
import { revalidatePath } from "next/cache";
import { withAction } from "@/lib/auth/guard";
import { bulkRotationSchema, requestBulkRotation } from "@/lib/customers/bulk-rotation";
import { JOB_RULES } from "@/lib/jobs/permissions";

export const requestBulkRotationAction = withAction(
  JOB_RULES.ROTATE_SECRETS.start,
  bulkRotationSchema,
  async (actor, input) => {
    const { message } = await requestBulkRotation(actor, input);
    revalidatePath("/console/issues");
    return { ok: true, message: `${message} Follow it under Jobs; each customer's audit log says what was done.` };
  },
);
