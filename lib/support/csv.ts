// CSV for the integration export (RFC 4180 quoting). Cells that a spreadsheet would run as a formula
// (=, +, -, @, tab, carriage return first) are prefixed with an apostrophe: integration names come from
// customers and LinkedIn, so they are untrusted (OWASP "CSV injection"). Pure.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | Date | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
