import { Button, Text } from "@react-email/components";
import type { TemplateFrame } from "./frame";
import { buttonStyle, EmailLayout, paragraph } from "./layout";

export type InvitationProps = {
  roleLabel: string;
  /** The invited role (rows queued before issue 25 have only its English label). */
  role?: "OPERATOR" | "SUPPORT" | "CUSTOMER_ADMIN";
  customerName: string | null;
  expiresAt: string;
  link: string;
};

export function invitationSubject(frame: TemplateFrame): string {
  return frame.t("Email.invitationSubject", { vendor: frame.vendorName });
}

/** "2026-12-07 10:15" (UTC, as stored) as a date. */
function expiryDate(expiresAt: string): Date {
  return new Date(`${expiresAt.replace(" ", "T")}:00Z`);
}

export function InvitationEmail({ frame, ...p }: InvitationProps & { frame: TemplateFrame }) {
  const { t } = frame;
  return (
    <EmailLayout
      {...frame}
      preview={t("Email.invitationPreview")}
      heading={t("Email.invitationHeading")}
      unsubscribeWhat={t("Email.whyInvited")}
    >
      <Text style={paragraph}>
        {t("Email.invitationBody", {
          role: p.role ? t(`Roles.${p.role}`) : p.roleLabel,
          hasCustomer: p.customerName ? "yes" : "no",
          customer: p.customerName ?? "",
          vendor: frame.vendorName,
        })}
      </Text>
      <Text style={paragraph}>{t("Email.invitationExpiry", { expires: expiryDate(p.expiresAt) })}</Text>
      <Button href={p.link} style={buttonStyle(frame.brand)}>
        {t("Email.invitationButton")}
      </Button>
      <Text style={paragraph}>{t("Email.fallbackLink", { link: p.link })}</Text>
    </EmailLayout>
  );
}
