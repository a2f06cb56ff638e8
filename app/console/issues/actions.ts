"use server";
// Operator actions of the issues view: "rotate every secret older than N days" (L7, lib/customers/bulk-rotation.ts).
import { revalidatePath } from "next/cache";
import { withAction } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { bulkRotationSchema, requestBulkRotation } from "@/lib/customers/bulk-rotation";

export const requestBulkRotationAction = withAction(OPERATOR_ONLY, bulkRotationSchema, async (actor, input) => {
  const { message } = await requestBulkRotation(actor, input);
  revalidatePath("/console/issues");
  return { ok: true, message: `${message} Follow it under Jobs; each customer's audit log says what was done.` };
});
