// The vendor's colour keeps WCAG AA (issue 25 point 2), and a logo is a picture by its bytes.
import { describe, expect, it } from "vitest";
import { AA_NORMAL_TEXT, contrastRatio, textColourOn } from "./contrast";
import { logoDataUrl, MAX_LOGO_BYTES } from "./logo";
import { vendorBrandingSchema } from "./schemas";

describe("text on the brand colour", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1d4ed8", "#ffffff")).toBeGreaterThan(6);
  });

  it("picks black on a very light colour and white on a very dark one, AA either way", () => {
    expect(textColourOn("#fdfdf0")).toBe("#000000");
    expect(textColourOn("#0a0a23")).toBe("#ffffff");
    // Every grey, the hardest case included, reaches AA with one of the two.
    for (let v = 0; v < 256; v++) {
      const hex = `#${v.toString(16).padStart(2, "0").repeat(3)}`;
      expect(contrastRatio(hex, textColourOn(hex))).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
    }
  });

  it("refuses a colour that is not #rrggbb, with the reason", () => {
    const r = vendorBrandingSchema.safeParse({ displayName: "Acme", primaryColor: "blue" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/six hexadecimal digits/);
  });
});

describe("an uploaded logo", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  it("is kept as a data: URL of its kind", () => {
    const r = logoDataUrl(png);
    expect(r.ok && r.dataUrl.startsWith("data:image/png;base64,")).toBe(true);
  });

  it("refuses an SVG, an empty file and one too large", () => {
    expect(logoDataUrl(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')).ok).toBe(false);
    expect(logoDataUrl(new Uint8Array()).ok).toBe(false);
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(logoDataUrl(big)).toMatchObject({ ok: false, error: expect.stringMatching(/larger than/) });
  });
});
