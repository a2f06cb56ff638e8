import "server-only";
// Customers for the vendor API: pages by number (page, pageSize) as before, and by the API's one cursor
// (lib/pagination/cursor.ts), which names the next page and its size, in the one list envelope (list.ts).
import { listCustomers } from "@/lib/customers/queries";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { MAX_API_PAGE_SIZE } from "@/lib/pagination/page";
import { MAX_PAGE } from "@/lib/pagination/page-number";
import { withLegacyItems } from "./list";
import { customerBody } from "./present";
import type { CustomerBody } from "./schemas";

type CustomerListQuery = Parameters<typeof listCustomers>[0] & { cursor?: string };

const within = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;

function pageOf([page = "", pageSize = ""]: string[]): { page: number; pageSize: number } | null {
  const at = { page: Number(page), pageSize: Number(pageSize) };
  return within(at.page, MAX_PAGE) && within(at.pageSize, MAX_API_PAGE_SIZE) ? at : null;
}

export async function listCustomersForApi(q: CustomerListQuery) {
  const at = q.cursor ? decodeCursor(q.cursor, 2, pageOf) : { page: q.page, pageSize: q.pageSize };
  const { rows, ...page } = await listCustomers({ ...q, ...at });
  const data: CustomerBody[] = rows.map(customerBody);
  const nextCursor = page.page < page.pageCount ? encodeCursor([page.page + 1, page.pageSize]) : null;
  return { ...withLegacyItems({ data, nextCursor }), ...page };
}
