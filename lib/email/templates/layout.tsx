// The frame of every email: the vendor's name on a bar in their colour, the body, the support contact and the
// unsubscribe footer, in the reader's language (issue 25). React Email components render to HTML that mail clients
// accept; render() also gives the plain text.
import type { ReactNode } from "react";
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { TemplateFrame } from "./frame";

export type LayoutProps = TemplateFrame & {
  preview: string;
  heading: string;
  /** Why the reader gets this kind of email; every email has an unsubscribe link (RFC 8058). */
  unsubscribeWhat: string;
  children: ReactNode;
};

const body = { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", color: "#18181b" };
const container = { backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", margin: "24px auto" };
const small = { fontSize: "12px", color: "#52525b" };

export function EmailLayout({
  vendorName,
  locale,
  t,
  brand,
  preview,
  heading,
  unsubscribeUrl,
  unsubscribeWhat,
  children,
}: LayoutProps) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text
            style={{
              fontSize: "14px",
              fontWeight: "bold",
              margin: 0,
              padding: "8px 12px",
              backgroundColor: brand.primaryColor,
              color: brand.textColor,
            }}
          >
            {vendorName}
          </Text>
          <Heading as="h1" style={{ fontSize: "20px" }}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          {brand.supportContact ? (
            <Text style={paragraph}>{t("Email.support", { contact: brand.supportContact })}</Text>
          ) : null}
          <Hr />
          <Text style={small}>
            {t("Email.sentBy", { vendor: vendorName, why: unsubscribeWhat })}{" "}
            <Link href={unsubscribeUrl}>{t("Email.unsubscribe")}</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "14px", lineHeight: "22px" };

/** The call to action in the vendor's colour; its text is black or white, whichever contrasts more. */
export function buttonStyle(brand: TemplateFrame["brand"]) {
  return {
    backgroundColor: brand.primaryColor,
    color: brand.textColor,
    padding: "10px 16px",
    borderRadius: "6px",
    fontSize: "14px",
    textDecoration: "none",
  };
}
