// One source, two forms: each template renders to HTML and to plain text (React Email's render). The
// stored props are parsed by the template's schema first, so a malformed row fails loudly, not oddly.
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import type { EmailTemplate } from "@/lib/db/enums";
import type { TemplateFrame } from "./frame";
import { actionNeededDataSchema, digestDataSchema, invitationDataSchema, partnerReadyDataSchema } from "./data";
import { DigestEmail, digestSubject } from "./digest";
import { InvitationEmail, invitationSubject } from "./invitation";
import { ActionNeededEmail, PartnerReadyEmail, actionNeededSubject, partnerReadySubject } from "./nudges";

export type RenderedEmail = { subject: string; html: string; text: string };

function element(
  template: EmailTemplate,
  data: unknown,
  frame: TemplateFrame,
  secretLink: string | null,
): { subject: string; body: ReactElement } {
  switch (template) {
    case "INVITATION": {
      if (!secretLink) throw new Error("an invitation email needs its link");
      const p = { ...invitationDataSchema.parse(data), link: secretLink };
      return { subject: invitationSubject(frame), body: <InvitationEmail frame={frame} {...p} /> };
    }
    case "PARTNER_READY":
    case "PARTNER_READY_REMINDER": {
      const p = partnerReadyDataSchema.parse(data);
      return { subject: partnerReadySubject(p, frame), body: <PartnerReadyEmail frame={frame} {...p} /> };
    }
    case "ADMIN_ACTION_NEEDED": {
      const p = actionNeededDataSchema.parse(data);
      return { subject: actionNeededSubject(p, frame), body: <ActionNeededEmail frame={frame} {...p} /> };
    }
    case "SUPPORT_DIGEST": {
      const p = digestDataSchema.parse(data);
      return { subject: digestSubject(p), body: <DigestEmail frame={frame} {...p} /> };
    }
  }
}

export async function renderEmail(
  template: EmailTemplate,
  data: unknown,
  frame: TemplateFrame,
  secretLink: string | null,
): Promise<RenderedEmail> {
  const { subject, body: el } = element(template, data, frame, secretLink);
  const [html, text] = await Promise.all([render(el), render(el, { plainText: true })]);
  return { subject, html, text };
}

/** False where react-dom/server is unavailable (a process run under the react-server condition). */
export async function canRenderEmail(): Promise<boolean> {
  try {
    await render(<p>ok</p>);
    return true;
  } catch {
    return false;
  }
}
