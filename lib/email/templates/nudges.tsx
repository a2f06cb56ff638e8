// Nudges to a customer's admins: PARTNER_READY (their turn), the reminder, and "LinkedIn refused
// something only you can fix". Steps come from ../enable-steps.ts.
import { Button, Text } from "@react-email/components";
import { EmailLayout, button, paragraph } from "./layout";
import type { TemplateFrame } from "./frame";

export type PartnerReadyProps = {
  customerName: string;
  integrationName: string;
  product: string;
  steps: string[];
  pageUrl: string;
  /** Set on reminders: whole days it has waited. */
  daysWaiting?: number;
};

export function partnerReadySubject(p: PartnerReadyProps): string {
  return p.daysWaiting
    ? `Reminder: enable ${p.integrationName} in ${p.product}`
    : `Your turn: enable ${p.integrationName} in ${p.product}`;
}

export function PartnerReadyEmail({ frame, ...p }: PartnerReadyProps & { frame: TemplateFrame }) {
  const waited = p.daysWaiting ? ` It has been waiting for ${p.daysWaiting} days.` : "";
  return (
    <EmailLayout
      {...frame}
      preview={`${p.integrationName} is ready for you to enable`}
      heading={p.daysWaiting ? "Still waiting for you" : "Ready for you to enable"}
      unsubscribeWhat={`you administer ${p.customerName}'s LinkedIn integrations`}
    >
      <Text style={paragraph}>
        LinkedIn has prepared {p.integrationName}. The last step is yours: enable it in {p.product}.{waited}
      </Text>
      {p.steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rendered once to static email HTML; the list never reorders
        <Text key={i} style={paragraph}>
          {i + 1}. {s}
        </Text>
      ))}
      <Button href={p.pageUrl} style={button}>
        See your integrations
      </Button>
    </EmailLayout>
  );
}

export type ActionNeededProps = { customerName: string; integrationName: string; reason: string; pageUrl: string };

export function actionNeededSubject(p: ActionNeededProps): string {
  return `Action needed: LinkedIn refused a setting of ${p.integrationName}`;
}

export function ActionNeededEmail({ frame, ...p }: ActionNeededProps & { frame: TemplateFrame }) {
  return (
    <EmailLayout
      {...frame}
      preview="LinkedIn refused a setting only you can change"
      heading="LinkedIn needs a change from you"
      unsubscribeWhat={`you administer ${p.customerName}'s LinkedIn integrations`}
    >
      <Text style={paragraph}>LinkedIn refused a setting of {p.integrationName} that only your team can change:</Text>
      <Text style={{ ...paragraph, fontStyle: "italic" }}>{p.reason}</Text>
      <Text style={paragraph}>Open your integrations page, correct the setting, and it is sent to LinkedIn again.</Text>
      <Button href={p.pageUrl} style={button}>
        Open your integrations
      </Button>
    </EmailLayout>
  );
}
