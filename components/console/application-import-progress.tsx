"use client";
// A bulk import's progress and each row's outcome (issue 10 item 7), polled with SWR every second while the job
// still checks rows with LinkedIn, then left alone. Rows are paged (100 at a time) and can be filtered by outcome.
import Link from "next/link";
import { useState } from "react";
import useSWR from "swr";
import type { KeyImportView } from "@/lib/customers/key-import-schemas";
import { COUNT_OF_STATUS, isKeyImportView } from "@/lib/customers/key-import-view";
import { secondaryButtonClass } from "@/components/ui/button-styles";
import { Table } from "@/components/ui/table";
import { StateBadge } from "@/components/console/status-badge";
import { KEY_IMPORT_ROW_WORDS } from "@/lib/status/vocabulary";

type Status = KeyImportView["rows"][number]["status"];

const FILTERS: (Status | "ALL")[] = ["ALL", "IMPORTED", "UNCHANGED", "REFUSED", "PENDING"];

async function fetchImport(url: string): Promise<KeyImportView> {
  const res = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (res.status === 401) throw new Error("Your session has ended. Sign in again to see the latest state.");
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
  }
  const view: unknown = await res.json();
  if (!isKeyImportView(view)) throw new Error("The server's answer could not be read. Reload the page to try again.");
  return view;
}

function summary(v: KeyImportView): string {
  const c = v.counts;
  const checked = v.rowCount - c.pending;
  const parts = `${c.imported} imported, ${c.unchanged} unchanged, ${c.refused} refused`;
  if (v.state === "RUNNING") return `Checking with LinkedIn: ${checked} of ${v.rowCount} rows done (${parts}).`;
  if (v.state === "STOPPED")
    return `The import stopped: ${parts}; ${c.pending} row(s) were not checked and were not imported. Upload the file again to retry them.`;
  return `Done: ${v.rowCount} rows, ${parts}.`;
}

export function ApplicationImportProgress({ initial }: { initial: KeyImportView }) {
  const [filter, setFilter] = useState<Status | "ALL">("ALL");
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), ...(filter === "ALL" ? {} : { status: filter }) });
  const key = `/api/console/key-imports/${initial.id}?${params}`;
  const isInitialKey = page === 1 && filter === "ALL";
  const { data, error } = useSWR<KeyImportView, Error>(key, fetchImport, {
    ...(isInitialKey ? { fallbackData: initial } : {}),
    refreshInterval: (latest) => ((latest ?? initial).state === "RUNNING" ? 1000 : 0),
    keepPreviousData: true,
  });
  const view = data ?? initial;
  const done = view.rowCount - view.counts.pending;
  return (
    <div className="space-y-4">
      <div className="space-y-2 rounded border border-slate-200 bg-white p-4">
        <p role="status" aria-live="polite" data-testid="key-import-summary" className="text-sm font-medium">
          {summary(view)}
        </p>
        <progress
          className="h-2 w-full"
          max={view.rowCount}
          value={done}
          aria-label={`${done} of ${view.rowCount} rows checked`}
        />
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            Could not refresh: {error.message}
          </p>
        ) : null}
      </div>
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Show rows</legend>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => {
              setFilter(f);
              setPage(1);
            }}
            className={`${secondaryButtonClass} aria-pressed:bg-slate-800 aria-pressed:text-white`}
          >
            {f === "ALL"
              ? `All (${view.rowCount})`
              : `${KEY_IMPORT_ROW_WORDS[f].label} (${view.counts[COUNT_OF_STATUS[f]]})`}
          </button>
        ))}
      </fieldset>
      <Table
        caption="Rows of the file and their outcome"
        columns={["Row", "Customer id", "Name", "API key", "Outcome", "Why"]}
        minWidth="48rem"
        testId="key-import-rows"
        className="rounded border border-slate-200 bg-white p-2"
      >
        {view.rows.map((r) => (
          <tr key={r.line} className="border-b border-slate-100 align-top" data-testid={`key-import-row-${r.line}`}>
            <td className="py-2 pr-4">{r.line}</td>
            <td className="py-2 pr-4 font-mono text-xs">
              {r.customerId ? (
                <Link className="text-blue-800 underline" href={`/console/customers/${r.customerId}`}>
                  {r.foreignId ?? "—"}
                </Link>
              ) : (
                (r.foreignId ?? "—")
              )}
            </td>
            <td className="py-2 pr-4">{r.displayName ?? "—"}</td>
            <td className="py-2 pr-4 font-mono text-xs">{r.clientId ?? "—"}</td>
            <td className="py-2 pr-4">
              <StateBadge words={KEY_IMPORT_ROW_WORDS[r.status]} />
            </td>
            <td className="py-2">{r.reason ?? ""}</td>
          </tr>
        ))}
      </Table>
      {view.pageCount > 1 ? (
        <nav aria-label="Rows" className="flex items-center gap-3 text-sm">
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={view.page <= 1}
            onClick={() => setPage(view.page - 1)}
          >
            Previous
          </button>
          <span>
            Page {view.page} of {view.pageCount}
          </span>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={view.page >= view.pageCount}
            onClick={() => setPage(view.page + 1)}
          >
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
