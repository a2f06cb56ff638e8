// Every email Onramp sends (issue 21 point 2), one defineEmail each: what it is stored with (its data schema, parsed
// again before rendering, so a malformed row fails loudly, not oddly) and how it renders. A new email is an
// EmailTemplate value (prisma/schema.prisma), its category (../outbox.ts, TEMPLATE_CATEGORY: pure, so the unsubscribe
// page reads it without loading React Email), its template file beside this one and its entry here. The outbox
// queues it; the delivery (../delivery.ts) renders it from here.
import type { ReactElement } from "react";
import type { z } from "zod";
import type { EmailTemplate } from "@/lib/db/enums";
import {
  actionNeededDataSchema,
  digestDataSchema,
  invitationDataSchema,
  issueRemediationDataSchema,
  partnerReadyDataSchema,
} from "./data";
import { DigestEmail, digestSubject } from "./digest";
import type { TemplateFrame } from "./frame";
import { InvitationEmail, invitationSubject } from "./invitation";
import { IssueRemediationEmail, issueRemediationSubject } from "./issue-remediation";
import { ActionNeededEmail, actionNeededSubject, PartnerReadyEmail, partnerReadySubject } from "./nudges";

export type EmailElement = { subject: string; body: ReactElement };

type EmailDefinition<T extends EmailTemplate, S extends z.ZodType> = {
  template: T;
  data: S;
  /** `secretLink` is decrypted from the row's envelope; only an invitation has one. */
  render(data: z.infer<S>, frame: TemplateFrame, secretLink: string | null): EmailElement;
};

/** What the catalog holds, whatever the template's data: the stored data is parsed inside `element`. */
export type EmailEntry<T extends EmailTemplate = EmailTemplate> = {
  template: T;
  element(storedData: unknown, frame: TemplateFrame, secretLink: string | null): EmailElement;
};

export function defineEmail<T extends EmailTemplate, S extends z.ZodType>(
  definition: EmailDefinition<T, S>,
): EmailEntry<T> {
  return {
    template: definition.template,
    element: (stored, frame, secretLink) => definition.render(definition.data.parse(stored), frame, secretLink),
  };
}

/** The first email and the reminder say the same, on their own schedules (lib/email/nudges.ts). */
const partnerReady = <T extends "PARTNER_READY" | "PARTNER_READY_REMINDER">(template: T) =>
  defineEmail({
    template,
    data: partnerReadyDataSchema,
    render: (p, frame) => ({
      subject: partnerReadySubject(p, frame),
      body: <PartnerReadyEmail frame={frame} {...p} />,
    }),
  });

export const EMAILS: { [T in EmailTemplate]: EmailEntry<T> } = {
  INVITATION: defineEmail({
    template: "INVITATION",
    data: invitationDataSchema,
    render: (p, frame, secretLink) => {
      if (!secretLink) throw new Error("an invitation email needs its link");
      return {
        subject: invitationSubject(frame),
        body: <InvitationEmail frame={frame} {...p} link={secretLink} />,
      };
    },
  }),
  PARTNER_READY: partnerReady("PARTNER_READY"),
  PARTNER_READY_REMINDER: partnerReady("PARTNER_READY_REMINDER"),
  ADMIN_ACTION_NEEDED: defineEmail({
    template: "ADMIN_ACTION_NEEDED",
    data: actionNeededDataSchema,
    render: (p, frame) => ({
      subject: actionNeededSubject(p, frame),
      body: <ActionNeededEmail frame={frame} {...p} />,
    }),
  }),
  SUPPORT_DIGEST: defineEmail({
    template: "SUPPORT_DIGEST",
    data: digestDataSchema,
    render: (p, frame) => ({ subject: digestSubject(p), body: <DigestEmail frame={frame} {...p} /> }),
  }),
  ISSUE_REMEDIATION: defineEmail({
    template: "ISSUE_REMEDIATION",
    data: issueRemediationDataSchema,
    render: (p, frame) => ({
      subject: issueRemediationSubject(p, frame),
      body: <IssueRemediationEmail frame={frame} {...p} />,
    }),
  }),
};
