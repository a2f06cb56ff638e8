import { Button, Text } from "@react-email/components";
import { EmailLayout, button, paragraph } from "./layout";
import type { TemplateFrame } from "./frame";

export type InvitationProps = { roleLabel: string; customerName: string | null; expiresAt: string; link: string };

export function invitationSubject(vendorName: string): string {
  return `You are invited to ${vendorName}'s LinkedIn integration portal`;
}

export function InvitationEmail({ frame, ...p }: InvitationProps & { frame: TemplateFrame }) {
  const forWhom = p.customerName ? ` for ${p.customerName}` : "";
  return (
    <EmailLayout
      {...frame}
      preview="Set your password to start"
      heading="You are invited"
      unsubscribeWhat="someone invited this address"
    >
      <Text style={paragraph}>
        You are invited as {p.roleLabel}
        {forWhom} to set up LinkedIn integrations with {frame.vendorName}.
      </Text>
      <Text style={paragraph}>Choose a password to start. The link works once, until {p.expiresAt} UTC.</Text>
      <Button href={p.link} style={button}>
        Set your password
      </Button>
      <Text style={paragraph}>If the button does not work, open this address: {p.link}</Text>
    </EmailLayout>
  );
}
