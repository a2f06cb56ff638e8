"use server";
// The operator's upload of existing keys (C1, L21, issue 10 item 7): a thin wrapper that reads the CSV, starts the
// import (lib/customers/key-import.ts) and opens its page, where each row's outcome appears.
import { withAction } from "@/lib/auth/guard";
import { startKeyImport } from "@/lib/customers/key-import";
import { JOB_RULES } from "@/lib/jobs/permissions";
import { importRowsFromCsv } from "@/lib/customers/key-import-csv";
import { keyImportFileFormSchema } from "@/lib/customers/key-import-schemas";
import { SafeError } from "@/lib/errors/safe-error";

export const startKeyImportAction = withAction(
  JOB_RULES.IMPORT_APPLICATION_KEYS.start,
  keyImportFileFormSchema,
  async (actor, { file }) => {
    const parsed = importRowsFromCsv(await file.text());
    if (!parsed.ok) throw new SafeError("unprocessable", parsed.message, { file: [parsed.message] });
    const { importId, message } = await startKeyImport(actor, { rows: parsed.rows, fileName: file.name });
    return { ok: true, message, importId };
  },
  { redirectTo: ({ importId }) => `/console/customers/import/${importId}` },
);
