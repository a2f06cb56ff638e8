// WCAG 2.2 contrast for the vendor's primary colour (issue 25 point 2). The page never sets text in the brand colour
// on white: the colour fills bars and buttons, and their text is black or white, whichever contrasts more. For any
// colour one of the two reaches at least 4.58:1 (the worst case is a luminance of about 0.18), so AA (4.5:1 for
// normal text) holds whatever colour an operator picks. Pure.

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function channel(hex: string, at: number): number {
  const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #rrggbb. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on the colour. */
export function textColourOn(background: string): "#000000" | "#ffffff" {
  return contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff") ? "#000000" : "#ffffff";
}

/** The AA minimum for normal text. */
export const AA_NORMAL_TEXT = 4.5;
