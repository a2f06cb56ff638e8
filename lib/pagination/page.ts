// Offset pagination done by the database (LIMIT/OFFSET with a COUNT of the same filter): the one page
// shape every paged list answers (issue #13), and pagedRows, which runs the two at once: every console list pages
// through it, with its size from here (issue 21 point 4: one pager, page sizes in one place). Pure.

/** A page that shows one list: customers, people, integrations, the audit log. */
export const DEFAULT_PAGE_SIZE = 25;
/** A list that shares its page with others: the support issues, a customer's jobs, the day's status changes. */
export const SECTION_PAGE_SIZE = 10;
/** A bulk import's rows, in the console and the vendor API. */
export const IMPORT_ROWS_PAGE_SIZE = 100;
/** The most rows a vendor API caller may ask for in one page of customers. */
export const MAX_API_PAGE_SIZE = 100;

export type Page<T> = {
  rows: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
};

/** The page's rows are `limit` rows after the first `offset` (Prisma's take and skip; LIMIT and OFFSET in SQL). */
export type RowWindow = { limit: number; offset: number };

export function pageWindow(page: number, pageSize: number = DEFAULT_PAGE_SIZE): RowWindow {
  const p = Math.max(1, Math.floor(page));
  return { limit: pageSize, offset: (p - 1) * pageSize };
}

export function toPage<T>(rows: T[], total: number, page: number, pageSize: number = DEFAULT_PAGE_SIZE): Page<T> {
  return { rows, page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * Prisma's order, take and skip for the window's rows: the list's own order, then the id, so rows that tie never
 * move between pages.
 */
export function orderedPage<const O extends object>(order: O, idOrder: "asc" | "desc", window: RowWindow) {
  return { orderBy: [order, { id: idOrder }], take: window.limit, skip: window.offset };
}

/** One page plus its total: the caller starts the page's query and the count of the same filter; both run at once. */
export async function pagedRows<T>(
  page: number,
  pageSize: number,
  read: (window: RowWindow) => [rows: Promise<T[]>, total: Promise<number>],
): Promise<Page<T>> {
  const [rows, total] = await Promise.all(read(pageWindow(page, pageSize)));
  return toPage(rows, total, page, pageSize);
}

/** The same page with each row in the shape the view shows. */
export function mapRows<R, T>(page: Page<R>, toRow: (row: R) => T): Page<T> {
  return { ...page, rows: page.rows.map(toRow) };
}
