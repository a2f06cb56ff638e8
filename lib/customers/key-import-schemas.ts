// The rows of a bulk import of existing keys (C1, L21, issue 10 item 7), as the console's CSV and the vendor API
// send them. Pure: the console, the API handlers, the job and the OpenAPI document use these same schemas.
// A row is checked on its own: one bad row is refused with its reason, the others go on.
import { z } from "zod";
import { applicationKeysSchema, displayNameSchema, foreignIdSchema, offeredIntegrationTypesSchema } from "./schemas";

import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "./key-import-limits";
import { KEY_IMPORT_ROW_STATUSES, KEY_IMPORT_STATES } from "./key-import-view";

export { MAX_IMPORT_BODY_BYTES, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "./key-import-limits";
export {
  COUNT_OF_STATUS,
  IMPORT_COLUMNS,
  type ImportColumn,
  isKeyImportView,
  KEY_IMPORT_ROW_STATUSES,
} from "./key-import-view";

/** One row as sent: every field a string (bundles: a list, or one string separated by ; | , or spaces). */
export const keyImportRowInputSchema = z
  .object({
    foreignId: z
      .string()
      .optional()
      .meta({ description: "The customer's id in the vendor's ATS (C1).", example: "acme-001" }),
    displayName: z.string().optional().meta({ description: "The customer's name.", example: "Acme Corp" }),
    clientId: z
      .string()
      .optional()
      .meta({ description: "The LinkedIn API key (client id) of the customer's application." }),
    clientSecret: z
      .string()
      .optional()
      .meta({ description: "The application's secret. Write-only: stored encrypted, never returned (C3)." }),
    applicationUrn: z.string().optional().meta({ description: "Optional: urn:li:developerApplication:{n} (L21)." }),
    offeredIntegrationTypes: z
      .union([z.array(z.string()), z.string()])
      .optional()
      .meta({
        description:
          "Bundled integration types offered in LinkedIn's plugin (C6); at least one RSC type. A list, or one string separated by semicolons.",
        example: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
      }),
  })
  .strict();
export type KeyImportRowInput = z.infer<typeof keyImportRowInputSchema>;

const splitBundles = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(/[;|,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

/** What a row must hold to be checked with LinkedIn. */
export const keyImportRowSchema = z.object({
  foreignId: foreignIdSchema,
  displayName: displayNameSchema,
  clientId: applicationKeysSchema.shape.clientId,
  clientSecret: applicationKeysSchema.shape.clientSecret,
  applicationUrn: applicationKeysSchema.shape.applicationUrn,
  offeredIntegrationTypes: z.preprocess(
    splitBundles,
    z.array(z.string(), { error: "Give the offered bundles." }).pipe(offeredIntegrationTypesSchema),
  ),
});
export type KeyImportRow = z.infer<typeof keyImportRowSchema>;

export const keyImportRequestSchema = z
  .object({
    rows: z
      .array(keyImportRowInputSchema)
      .min(1, "Send at least one row.")
      .max(MAX_IMPORT_ROWS, `Send at most ${MAX_IMPORT_ROWS} rows per import.`),
  })
  .strict();

export const keyImportRowResultSchema = z.object({
  line: z.number().int().meta({ description: "The row's number: 1 is the first row under the header (or rows[0])." }),
  foreignId: z.string().nullable(),
  displayName: z.string().nullable(),
  clientId: z.string().nullable(),
  status: z.enum(KEY_IMPORT_ROW_STATUSES).meta({
    description:
      "PENDING: not checked yet; IMPORTED: checked with LinkedIn and stored; UNCHANGED: already stored, nothing changed; REFUSED: not stored (see reason).",
  }),
  reason: z.string().nullable(),
  customerId: z.string().nullable(),
});

export const keyImportStateSchema = z.enum(KEY_IMPORT_STATES).meta({
  description:
    "RUNNING: rows are being checked; DONE: every row has its outcome; STOPPED: the job ended early, PENDING rows were not imported.",
});

export const keyImportSchema = z.object({
  id: z.string(),
  state: keyImportStateSchema,
  rowCount: z.number().int(),
  counts: z.object({
    pending: z.number().int(),
    imported: z.number().int(),
    unchanged: z.number().int(),
    refused: z.number().int(),
  }),
  jobId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  rows: z.array(keyImportRowResultSchema),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type KeyImportView = z.infer<typeof keyImportSchema>;

export const keyImportParamsSchema = z.object({ importId: z.string().min(1).max(100) });
export const keyImportQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  status: z.enum(KEY_IMPORT_ROW_STATUSES).optional(),
});

/** The console's upload form. */
export const keyImportFileFormSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV file to upload." })
    .refine((f) => f.size > 0, "The file is empty. Choose a CSV with a header row and one row per customer.")
    .refine(
      (f) => f.size <= MAX_IMPORT_FILE_BYTES,
      `The file is larger than ${Math.floor(MAX_IMPORT_FILE_BYTES / 1000)} kB; split it into smaller files.`,
    ),
});
