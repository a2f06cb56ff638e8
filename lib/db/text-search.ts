// A list's search box in Prisma's words (issue #13): rows where any of the given fields contains the words,
// whatever their case; every row when nothing was typed. Pure.

/** Prisma's filter for "contains the search, any case". */
export type ContainsText = { contains: string; mode: "insensitive" };

/** `{ OR: fields(text) }` for a search with words in it, `{}` (no condition) for none. */
export function anyFieldContains<W>(search: string | undefined, fields: (text: ContainsText) => W[]): { OR?: W[] } {
  const words = search?.trim();
  return words ? { OR: fields({ contains: words, mode: "insensitive" }) } : {};
}
