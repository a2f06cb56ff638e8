// The vendor's logo and name (issue 25 point 2) in the customer admin's bar and on the sign-in link pages. The logo
// is an uploaded picture kept as a data: URL (lib/branding/logo.ts): nothing is fetched from another host.

/** What a page needs of the vendor's look (lib/branding/branding.ts Branding). */
export type BrandView = {
  displayName: string;
  primaryColor: string;
  textColor: string;
  logo: string | null;
  supportContact: string | null;
};

export function BrandMark({ brand, logoAlt }: { brand: BrandView; logoAlt: string }) {
  return (
    <span className="flex items-center gap-2 text-lg font-semibold" data-testid="brand">
      {brand.logo ? (
        // biome-ignore lint/performance/noImgElement: a data: URL; next/image would only re-encode it
        <img src={brand.logo} alt={logoAlt} className="h-8 w-auto" data-testid="brand-logo" />
      ) : null}
      <span data-testid="brand-name">{brand.displayName}</span>
    </span>
  );
}
