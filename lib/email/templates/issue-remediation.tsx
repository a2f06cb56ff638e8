// Issue 22: what the customer's admins do about a support issue, in their language (catalogue Issue.<type>.*), sent
// when support chooses to (the console's issues page). The same steps support can copy from the console.
import { Button, Text } from "@react-email/components";
import type { IssueRemediationData } from "./data";
import type { TemplateFrame } from "./frame";
import { buttonStyle, EmailLayout, paragraph } from "./layout";

export function remediationSteps(p: Pick<IssueRemediationData, "issueType">, { t }: Pick<TemplateFrame, "t">) {
  const type = p.issueType;
  return {
    title: t(`Issue.${type}.title`),
    steps: [t(`Issue.${type}.step1`), t(`Issue.${type}.step2`), t(`Issue.${type}.step3`)],
  };
}

export function issueRemediationSubject(p: IssueRemediationData, frame: TemplateFrame): string {
  return frame.t("Issue.subject", { title: remediationSteps(p, frame).title });
}

export function IssueRemediationEmail({ frame, ...p }: IssueRemediationData & { frame: TemplateFrame }) {
  const { t } = frame;
  const { title, steps } = remediationSteps(p, frame);
  return (
    <EmailLayout
      {...frame}
      preview={t("Issue.preview")}
      heading={t("Issue.heading")}
      unsubscribeWhat={t("Email.whyAdmin", { customer: p.customerName })}
    >
      <Text style={paragraph}>{t("Issue.intro", { customer: p.customerName })}</Text>
      <Text style={{ ...paragraph, fontWeight: "bold" }}>{title}</Text>
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rendered once to static email HTML; the list never reorders
        <Text key={i} style={paragraph}>
          {i + 1}. {s}
        </Text>
      ))}
      <Button href={p.pageUrl} style={buttonStyle(frame.brand)}>
        {t("Issue.open")}
      </Button>
    </EmailLayout>
  );
}
