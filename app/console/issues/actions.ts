"use server";
// Actions of the issues view: operators "rotate every secret older than N days" (L7, lib/customers/bulk-rotation.ts);
// staff detach an integration held by two customers from the one that does not own it (issue 20, lib/integrations/detach.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/actions/fields";
import { withAction } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { bulkRotationSchema, requestBulkRotation } from "@/lib/customers/bulk-rotation";
import { detachHeldByTwo } from "@/lib/integrations/detach";
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

// Audited as "integration.detached" by detachHeldByTwo.
export const detachHeldByTwoAction = withAction(
  STAFF_ROLES,
  z.object({ integrationId: idField, confirm: z.literal("yes", "Tick the box to confirm the detach.") }),
  async (actor, { integrationId }) => {
    const { message } = await detachHeldByTwo(actor, integrationId);
    revalidatePath("/console", "layout");
    return { ok: true, message };
  },
);
