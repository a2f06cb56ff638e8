import "server-only";
// Issue 23 point 7, L30: Apply Connect's account-level "LinkedIn Easy Apply" toggle, opted in by default. The
// customer's admins set it on their integrations page; it is stored on the customer, audited, shown to support,
// read by the vendor API (Customer.linkedInEasyApply) and sent as the event customer.easy_apply_changed in the
// same transaction, since the vendor's ATS applies it to the customer's job postings (the job-level toggle is
// the ATS's own, L30).
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { customerEasyApplyChanged } from "@/lib/events/hooks";
import type { Answered } from "@/lib/integrations/mutations";
import { APPLY_CONNECT, hasApplyConnect } from "./easy-apply-terms";

/** The form: a checkbox (sent as "on" only when ticked) beside a marker that the form was sent. */
export const easyApplyFormSchema = z
  .object({ easyApplyForm: z.literal("1"), linkedInEasyApply: z.literal("on").optional() })
  .strict();

export type EasyApplyState = { applies: boolean; enabled: boolean; changedAt: Date | null };

export async function easyApplyState(customerId: string): Promise<EasyApplyState> {
  const c = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      offeredIntegrationTypes: true,
      linkedInEasyApply: true,
      linkedInEasyApplyChangedAt: true,
      integrations: { where: { integrationType: APPLY_CONNECT }, select: { integrationType: true }, take: 1 },
    },
  });
  return {
    applies: hasApplyConnect({
      offeredIntegrationTypes: c.offeredIntegrationTypes,
      integrationTypes: c.integrations.map((i) => i.integrationType),
    }),
    enabled: c.linkedInEasyApply,
    changedAt: c.linkedInEasyApplyChangedAt,
  };
}

/** A customer admin turns the account-level toggle on or off: stored, audited and sent as an event together. */
export async function setLinkedInEasyApply(actor: Actor, enabled: boolean): Promise<Answered> {
  const customerId = actor.customerId;
  if (!customerId)
    throw new SafeError("forbidden", "Only a customer's own admin can do this.", undefined, {
      notice: { key: "customerAdminOnly" },
    });
  const state = await easyApplyState(customerId);
  if (!state.applies)
    throw new SafeError(
      "conflict",
      "Your company does not use Apply Connect, so there is no Easy Apply setting.",
      undefined,
      { notice: { key: "easyApplyNotOffered" } },
    );
  if (state.enabled === enabled) return { message: "Nothing changed.", notice: { key: "easyApplyUnchanged" } };
  const at = new Date();
  await db.$transaction(async (tx) => {
    await tx.customer.update({
      where: { id: customerId },
      data: { linkedInEasyApply: enabled, linkedInEasyApplyChangedAt: at },
    });
    await recordAudit(
      actor,
      {
        action: "customer.easy_apply_changed",
        targetType: "Customer",
        targetId: customerId,
        customerId,
        details: { linkedInEasyApply: enabled },
      },
      tx,
    );
    await customerEasyApplyChanged(tx, { customerId, enabled, at });
  });
  return enabled
    ? { message: "LinkedIn Easy Apply is on for your job postings.", notice: { key: "easyApplyOn" } }
    : { message: "LinkedIn Easy Apply is off for your job postings.", notice: { key: "easyApplyOff" } };
}
