import type { Metadata } from "next";
import { getLocale, getMessages } from "next-intl/server";
import { CatalogueProvider } from "@/components/i18n/catalogue";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Onramp", template: "%s · Onramp" },
  description: "Onboard customers onto LinkedIn's Middleware Platform integrations.",
};

// Issue 25: the page's language (i18n/request.ts; staff pages stay English) and, for the client components, only
// that language's catalogue, without the email texts (components/i18n/catalogue.tsx: next-intl's client code stays
// out of the browser).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const { Email: _emails, ...messages } = await getMessages();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <CatalogueProvider locale={locale} messages={messages}>
          {children}
        </CatalogueProvider>
      </body>
    </html>
  );
}
