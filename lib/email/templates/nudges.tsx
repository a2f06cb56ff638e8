// Nudges to a customer's admins: PARTNER_READY (their turn), the reminder, and "LinkedIn refused
// something only you can fix", in the reader's language (issue 25). The enable steps come from the catalogue
// (Email.enableStep1-4); only the product's name comes from ../enable-steps.ts, as LinkedIn words it.
import { Button, Text } from "@react-email/components";
import type { TemplateFrame } from "./frame";
import { buttonStyle, EmailLayout, paragraph } from "./layout";

export type PartnerReadyProps = {
  customerName: string;
  integrationName: string;
  product: string;
  pageUrl: string;
  /** Set on reminders: whole days it has waited. */
  daysWaiting?: number;
};

export function partnerReadySubject(p: PartnerReadyProps, { t }: TemplateFrame): string {
  const values = { integration: p.integrationName, product: p.product };
  return p.daysWaiting ? t("Email.reminderSubject", values) : t("Email.readySubject", values);
}

/** What the admin does in LinkedIn (seed 001 step 5), in the reader's language. */
function enableSteps(p: PartnerReadyProps, { t }: TemplateFrame): string[] {
  return [
    t("Email.enableStep1", { product: p.product }),
    t("Email.enableStep2"),
    t("Email.enableStep3", { integration: p.integrationName }),
    t("Email.enableStep4"),
  ];
}

export function PartnerReadyEmail({ frame, ...p }: PartnerReadyProps & { frame: TemplateFrame }) {
  const { t } = frame;
  return (
    <EmailLayout
      {...frame}
      preview={t("Email.readyPreview", { integration: p.integrationName })}
      heading={p.daysWaiting ? t("Email.reminderHeading") : t("Email.readyHeading")}
      unsubscribeWhat={t("Email.whyAdmin", { customer: p.customerName })}
    >
      <Text style={paragraph}>
        {t("Email.readyBody", { integration: p.integrationName, product: p.product })}
        {p.daysWaiting ? ` ${t("Email.waited", { days: p.daysWaiting })}` : null}
      </Text>
      {enableSteps(p, frame).map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rendered once to static email HTML; the list never reorders
        <Text key={i} style={paragraph}>
          {i + 1}. {s}
        </Text>
      ))}
      <Button href={p.pageUrl} style={buttonStyle(frame.brand)}>
        {t("Email.seeIntegrations")}
      </Button>
    </EmailLayout>
  );
}

export type ActionNeededProps = { customerName: string; integrationName: string; reason: string; pageUrl: string };

export function actionNeededSubject(p: ActionNeededProps, { t }: TemplateFrame): string {
  return t("Email.actionSubject", { integration: p.integrationName });
}

export function ActionNeededEmail({ frame, ...p }: ActionNeededProps & { frame: TemplateFrame }) {
  const { t } = frame;
  return (
    <EmailLayout
      {...frame}
      preview={t("Email.actionPreview")}
      heading={t("Email.actionHeading")}
      unsubscribeWhat={t("Email.whyAdmin", { customer: p.customerName })}
    >
      <Text style={paragraph}>{t("Email.actionBody", { integration: p.integrationName })}</Text>
      <Text style={{ ...paragraph, fontStyle: "italic" }}>{p.reason}</Text>
      <Text style={paragraph}>{t("Email.actionFix")}</Text>
      <Button href={p.pageUrl} style={buttonStyle(frame.brand)}>
        {t("Email.openIntegrations")}
      </Button>
    </EmailLayout>
  );
}
