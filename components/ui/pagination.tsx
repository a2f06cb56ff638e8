// Previous/next links for a list paged in the database (issue #13: one for operator and support pages).
// Every other query parameter is kept, so filters and the other lists' pages survive.
import Link from "next/link";

/** The list's URL with `param` set to `value` (left out when null) and the other parameters kept. */
function listHref(
  basePath: string,
  query: Record<string, string | undefined>,
  param: string,
  value: string | null,
  anchor?: string,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "" && k !== param) params.set(k, v);
  if (value !== null) params.set(param, value);
  const qs = params.toString();
  return `${basePath}${qs ? `?${qs}` : ""}${anchor ? `#${anchor}` : ""}`;
}

export function pageHref(
  basePath: string,
  query: Record<string, string | undefined>,
  param: string,
  page: number,
  anchor?: string,
): string {
  return listHref(basePath, query, param, page > 1 ? String(page) : null, anchor);
}

export function Pagination({
  basePath,
  query = {},
  param = "page",
  list,
  label,
  anchor,
}: {
  basePath: string;
  query?: Record<string, string | undefined>;
  /** The query parameter of this list's page (a page with several lists gives each its own). */
  param?: string;
  /** The page shown, of how many, and how many rows in all (lib/pagination's Page). */
  list: { page: number; pageCount: number; total: number };
  /** What is paged, e.g. "Integrations": names the navigation landmark. */
  label: string;
  anchor?: string;
}) {
  const { page, pageCount, total } = list;
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";
  return (
    <nav aria-label={`${label} pages`} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <Link className={linkClass} href={pageHref(basePath, query, param, page - 1, anchor)} rel="prev">
          Previous<span className="sr-only"> page of {label.toLowerCase()}</span>
        </Link>
      ) : null}
      <span aria-current="page">
        Page {page} of {pageCount} · {total.toLocaleString("en-US")} in all
      </span>
      {page < pageCount ? (
        <Link className={linkClass} href={pageHref(basePath, query, param, page + 1, anchor)} rel="next">
          Next<span className="sr-only"> page of {label.toLowerCase()}</span>
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * Links of a list paged by cursor (keyset: a page stays put while new rows arrive): back to the newest, and on to
 * older rows when there are more. Every other query parameter is kept.
 */
export function CursorPagination({
  basePath,
  query = {},
  param = "cursor",
  current,
  next,
  label,
}: {
  basePath: string;
  query?: Record<string, string | undefined>;
  param?: string;
  /** The cursor of the page shown; none on the first. */
  current: string | null;
  /** The cursor of the next (older) page; none on the last. */
  next: string | null;
  label: string;
}) {
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";
  const href = (cursor: string | null) => listHref(basePath, query, param, cursor);
  return (
    <nav aria-label={`${label} pages`} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      {current ? (
        <Link className={linkClass} href={href(null)} rel="first">
          Newest<span className="sr-only"> {label.toLowerCase()}</span>
        </Link>
      ) : null}
      {next ? (
        <Link className={linkClass} href={href(next)} rel="next">
          Older<span className="sr-only"> {label.toLowerCase()}</span>
        </Link>
      ) : (
        <span>{current ? "No older entries." : ""}</span>
      )}
    </nav>
  );
}
