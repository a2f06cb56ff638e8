// The console's import file (issue 10 item 7): a CSV (RFC 4180: commas, double-quoted fields, "" for a quote,
// CRLF or LF) whose header names the columns. Each line becomes a row as the vendor API takes it
// (key-import-schemas.ts), so both paths are checked alike. Pure.
import { IMPORT_COLUMNS, type ImportColumn, type KeyImportRowInput } from "./key-import-schemas";

/** Header names accepted per column (compared without case, spaces, dashes or underscores). */
const ALIASES: Record<ImportColumn, readonly string[]> = {
  foreignId: ["foreignid", "customerid", "atsid", "atscustomerid", "externalid", "uniqueforeignid"],
  displayName: ["displayname", "name", "customername"],
  clientId: ["clientid", "apikey"],
  clientSecret: ["clientsecret", "secret"],
  applicationUrn: ["applicationurn", "urn", "developerapplication", "developerapplicationurn", "applicationid"],
  offeredIntegrationTypes: ["offeredintegrationtypes", "bundles", "offeredbundles", "integrationtypes"],
};

export type ParsedImportFile = { ok: true; rows: KeyImportRowInput[] } | { ok: false; message: string };

/** Splits CSV text into records of fields. Unterminated quotes end at the end of the text. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a spreadsheet's byte-order mark
  for (; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const normalise = (h: string) => h.toLowerCase().replace(/[\s_-]+/g, "");

function columnOf(header: string): ImportColumn | undefined {
  const h = normalise(header);
  return IMPORT_COLUMNS.find((c) => ALIASES[c].includes(h));
}

/**
 * The rows of an import file. Refuses the whole file only when its header can not be read (every row would be
 * wrong the same way); blank lines are skipped; anything else about a row is the row's own outcome.
 */
export function importRowsFromCsv(text: string): ParsedImportFile {
  const records = parseCsv(text).filter((r) => r.some((cell) => cell.trim() !== ""));
  const [header, ...body] = records;
  if (!header)
    return { ok: false, message: "The file is empty. Upload a CSV with a header row and one row per customer." };
  const columns = header.map(columnOf);
  const missing = IMPORT_COLUMNS.filter((c) => c !== "applicationUrn" && !columns.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      message: `The header row lacks ${missing.join(", ")}. Use the columns ${IMPORT_COLUMNS.join(", ")} (applicationUrn may be left out).`,
    };
  if (body.length === 0) return { ok: false, message: "The file has a header but no rows." };
  const rows = body.map((cells) => {
    const row: KeyImportRowInput = {};
    columns.forEach((column, i) => {
      const value = cells[i];
      if (column && value !== undefined && value !== "") row[column] = value;
    });
    return row;
  });
  return { ok: true, rows };
}
