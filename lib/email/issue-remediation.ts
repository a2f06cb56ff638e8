import "server-only";
// Issue 22 point 1: support sends a support issue's remediation to the customer's admins through the email outbox
// (./outbox.ts), one email per admin per occurrence of the issue (a second click is not a second email), audited.
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { CUSTOMER_FIXABLE } from "@/lib/issues/types";
import { adminAddresses, integrationsPageUrl } from "./nudges";
import { queueEmail } from "./outbox";
import type { IssueRemediationData } from "./templates/data";

export async function emailIssueRemediation(actor: Actor, issueId: string): Promise<{ message: string }> {
  return db.$transaction(async (tx) => {
    const issue = await tx.supportIssue.findUnique({
      where: { id: issueId },
      select: {
        id: true,
        type: true,
        occurrences: true,
        customerId: true,
        customer: { select: { displayName: true } },
      },
    });
    if (!issue) throw new SafeError("not_found", "This issue no longer exists; reload the issues page.");
    if (!issue.customerId || !issue.customer || !CUSTOMER_FIXABLE.has(issue.type))
      throw new SafeError("conflict", "This issue is not the customer's to fix; there is nothing to send them.");
    const to = await adminAddresses(tx, issue.customerId);
    if (to.length === 0)
      throw new SafeError("conflict", "This customer has no active admin to email. Invite one from the customer page.");
    const data: IssueRemediationData = {
      customerName: issue.customer.displayName,
      issueType: issue.type,
      pageUrl: integrationsPageUrl(),
    };
    let queued = 0;
    for (const address of to) {
      const cause = `issue:${issue.id}:${issue.occurrences}`;
      if (
        await queueEmail(tx, { template: "ISSUE_REMEDIATION", to: address, cause, data, customerId: issue.customerId })
      )
        queued += 1;
    }
    await recordAudit(
      actor,
      {
        action: "issue.emailed",
        targetType: "SupportIssue",
        targetId: issue.id,
        customerId: issue.customerId,
        details: { type: issue.type, recipients: to.length, queued },
      },
      tx,
    );
    return {
      message:
        queued === 0
          ? "The admins were already sent this issue's steps; nothing new was queued."
          : `Queued the steps to ${queued} admin${queued === 1 ? "" : "s"}.`,
    };
  });
}
