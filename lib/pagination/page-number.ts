// A page number from the URL (issue #13: one schema for every paged page). A missing, malformed or
// absurd value reads as page 1 rather than an error: it is a link, not a form. Pure.
import { z } from "zod";

export const MAX_PAGE = 100_000;

export const pageNumber = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1);

/** A page's lists, as the links' query: only the lists not on their first page, so a plain URL stays plain. */
export function pagesBeyondFirst(pages: Record<string, number>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(pages)
      .filter(([, page]) => page > 1)
      .map(([param, page]) => [param, String(page)]),
  );
}
