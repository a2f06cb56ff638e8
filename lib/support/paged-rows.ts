// One page of a support list plus its total (issue #6: every list paged in SQL). The caller starts the
// page's query and the count of the same filter; both run at once.
import { type Page, pageWindow, toPage } from "@/lib/pagination/page";

/** The page's rows are `limit` rows after the first `offset` (Prisma's take and skip; LIMIT and OFFSET in SQL). */
export type RowWindow = { limit: number; offset: number };

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
