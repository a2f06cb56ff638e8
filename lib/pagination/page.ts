// Offset pagination done by the database (LIMIT/OFFSET with a COUNT of the same filter): the one page
// shape every paged list answers (issue #13). Pure.
export const DEFAULT_PAGE_SIZE = 25;

export type Page<T> = {
  rows: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
};

export function pageWindow(page: number, pageSize: number = DEFAULT_PAGE_SIZE): { limit: number; offset: number } {
  const p = Math.max(1, Math.floor(page));
  return { limit: pageSize, offset: (p - 1) * pageSize };
}

export function toPage<T>(rows: T[], total: number, page: number, pageSize: number = DEFAULT_PAGE_SIZE): Page<T> {
  return { rows, page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
