// The frame of the pages a link opens before anyone is signed in (a sign-in link, an invitation, a broken link):
// the vendor's look and, when the link names a customer, that customer's language (issue 25). The language is set
// on the frame (lang) and handed to the client components inside; the document's stays the browser's.
import { CatalogueProvider } from "@/components/i18n/catalogue";
import { BrandMark, type BrandView } from "@/components/layout/brand-mark";

export function LinkPage({
  brand,
  logoAlt,
  locale,
  messages,
  children,
}: {
  brand: BrandView;
  logoAlt: string;
  locale: string;
  messages: Record<string, unknown>;
  children: React.ReactNode;
}) {
  return (
    <CatalogueProvider locale={locale} messages={messages}>
      <main lang={locale} className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
        <div className="mb-4 rounded px-3 py-2" style={{ backgroundColor: brand.primaryColor, color: brand.textColor }}>
          <BrandMark brand={brand} logoAlt={logoAlt} />
        </div>
        {children}
      </main>
    </CatalogueProvider>
  );
}
