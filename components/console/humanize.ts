// An enum value in words: "PARTNER_READY" → "Partner ready". Pure.
export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
