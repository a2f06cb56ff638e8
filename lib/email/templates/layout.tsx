// The frame of every email: the vendor's name on top, the body, and the unsubscribe footer.
// React Email components render to HTML that mail clients accept; render() also gives the plain text.
import type { ReactNode } from "react";
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

export type LayoutProps = {
  vendorName: string;
  preview: string;
  heading: string;
  /** Where the reader stops this kind of email; every email has one (RFC 8058). */
  unsubscribeUrl: string;
  unsubscribeWhat: string;
  children: ReactNode;
};

const body = { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", color: "#18181b" };
const container = { backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", margin: "24px auto" };
const small = { fontSize: "12px", color: "#52525b" };

export function EmailLayout({ vendorName, preview, heading, unsubscribeUrl, unsubscribeWhat, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={{ fontSize: "14px", fontWeight: "bold", margin: 0 }}>{vendorName}</Text>
          <Heading as="h1" style={{ fontSize: "20px" }}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          <Hr />
          <Text style={small}>
            Sent by {vendorName}. You get this email because {unsubscribeWhat}.{" "}
            <Link href={unsubscribeUrl}>Unsubscribe</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "14px", lineHeight: "22px" };
export const button = {
  backgroundColor: "#1d4ed8",
  color: "#ffffff",
  padding: "10px 16px",
  borderRadius: "6px",
  fontSize: "14px",
  textDecoration: "none",
};
