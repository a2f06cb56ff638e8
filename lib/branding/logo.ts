// An uploaded logo (issue 25 point 2). The logo is uploaded, never fetched: a URL the server fetched would let an
// operator make Onramp call any address (SSRF), and a URL only the browser loads would need the pages' CSP to allow
// images from anywhere. The file is checked by its first bytes, kept as a data: URL (the CSP's img-src allows data:)
// and drawn with an <img>, where even a hostile file runs nothing. SVG is refused: it is a document, not a picture.
// Pure.

export const MAX_LOGO_BYTES = 48 * 1024;

const SIGNATURES: { type: string; matches: (b: Uint8Array) => boolean }[] = [
  { type: "image/png", matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
  { type: "image/jpeg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: "image/gif", matches: (b) => String.fromCharCode(...b.slice(0, 4)) === "GIF8" },
  {
    type: "image/webp",
    matches: (b) =>
      String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP",
  },
];

export type LogoResult = { ok: true; dataUrl: string } | { ok: false; error: string };

/** A data: URL of the bytes, or why they are refused. */
export function logoDataUrl(bytes: Uint8Array): LogoResult {
  if (bytes.length === 0) return { ok: false, error: "The logo file is empty." };
  if (bytes.length > MAX_LOGO_BYTES)
    return {
      ok: false,
      error: `The logo is larger than ${MAX_LOGO_BYTES / 1024} kB; use a smaller PNG, JPEG, GIF or WebP.`,
    };
  const kind = SIGNATURES.find((s) => s.matches(bytes));
  if (!kind) return { ok: false, error: "Upload the logo as a PNG, JPEG, GIF or WebP picture." };
  return { ok: true, dataUrl: `data:${kind.type};base64,${Buffer.from(bytes).toString("base64")}` };
}

/** A stored logo is ours only if it is a data: URL of one of those pictures. */
export function isLogoDataUrl(value: unknown): value is string {
  return typeof value === "string" && /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/.test(value);
}
