"use client";
// The operator's upload of existing keys (C1, L21, issue 10 item 7): one CSV, its columns explained. The action
// opens the import's page, where each row's outcome appears as LinkedIn checks it.
import { useActionState } from "react";
import { MAX_IMPORT_ROWS } from "@/lib/customers/key-import-limits";
import { IMPORT_COLUMNS } from "@/lib/customers/key-import-view";
import { labelClass } from "@/components/ui/button-styles";
import { FieldError, fieldAria } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";

const FORM = "key-import";

export function ApplicationImportForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor={`${FORM}-file`} className={labelClass}>
          CSV file
        </label>
        <input
          id={`${FORM}-file`}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          className="mt-1 block text-sm"
          {...fieldAria(FORM, "file", state, `${FORM}-hint`)}
        />
        <FieldError form={FORM} field="file" state={state} />
        <div id={`${FORM}-hint`} className="mt-2 space-y-1 text-sm text-slate-600">
          <p>
            A header row, then one row per customer (at most {MAX_IMPORT_ROWS}), with the columns{" "}
            <code className="text-xs">{IMPORT_COLUMNS.join(",")}</code>: the customer&apos;s id in your ATS, its name,
            the LinkedIn API key and secret, the optional application URN (urn:li:developerApplication:…) and the
            offered bundles separated by semicolons (at least one Recruiter System Connect type, or the CRM bundle).
          </p>
          <p>
            Each row is checked with LinkedIn before it is stored; bad rows, rows repeating an earlier row and keys
            LinkedIn refuses are listed with their reason. Uploading the same file again changes nothing.
          </p>
        </div>
      </div>
      <SubmitButton label="Upload and check with LinkedIn" pendingLabel="Uploading…" />
      <FormMessage state={state} id="key-import-message" />
    </form>
  );
}
