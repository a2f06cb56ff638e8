"use server";
// Actions of the issues view: operators "rotate every secret older than N days" (L7, lib/customers/bulk-rotation.ts);
// staff detach an integration held by two customers from the one that does not own it (issue 20, lib/integrations/detach.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/actions/fields";
import { withAction } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { bulkRotationSchema, requestBulkRotation } from "@/lib/customers/bulk-rotation";
import { emailIssueRemediation } from "@/lib/email/issue-remediation";
import { detachHeldByTwo } from "@/lib/integrations/detach";
import { reopenIssue, resolveIssueByHand, snoozeIssue } from "@/lib/issues/staff";
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

// Issue 22: support issues. Each domain function audits its change (issue.snoozed, .resolved, .reopened, .emailed).
const issueField = z.object({ issueId: idField });

export const snoozeIssueAction = withAction(
  STAFF_ROLES,
  issueField.extend({
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day the issue should come back.")
      .transform((d) => new Date(`${d}T00:00:00.000Z`))
      .refine((d) => !Number.isNaN(d.getTime()), "Choose the day the issue should come back."),
  }),
  async (actor, { issueId, until }) => {
    const { message } = await snoozeIssue(actor, issueId, until);
    revalidatePath("/console/issues");
    return { ok: true, message };
  },
);

export const resolveIssueAction = withAction(STAFF_ROLES, issueField, async (actor, { issueId }) => {
  const { message } = await resolveIssueByHand(actor, issueId);
  revalidatePath("/console/issues");
  return { ok: true, message };
});

export const reopenIssueAction = withAction(STAFF_ROLES, issueField, async (actor, { issueId }) => {
  const { message } = await reopenIssue(actor, issueId);
  revalidatePath("/console/issues");
  return { ok: true, message };
});

export const emailIssueAction = withAction(STAFF_ROLES, issueField, async (actor, { issueId }) => {
  const { message } = await emailIssueRemediation(actor, issueId);
  return { ok: true, message };
});
