// The one list envelope of the vendor API (issue 21 point 4): every list answers `{ data, nextCursor }` and takes
// the next page with `?cursor={nextCursor}` (one cursor, lib/pagination/cursor.ts). Lists that answered `items`
// before also answer `items`, the same rows, until the next release (docs/ATS.md, "Lists"); the OpenAPI document
// marks it deprecated. Pure.
import { z } from "zod";
import { SafeError } from "@/lib/errors/safe-error";

const NEXT_CURSOR = "Pass as `cursor` for the next page; null on the last page.";

export const DEPRECATED_ITEMS =
  "Deprecated: the same rows as `data`, answered until the next release for callers written against the old name. Read `data`.";

/** A list's answer: `data` and `nextCursor`, and `items` for the lists that answered it before. */
export function listPageSchema<T extends z.ZodType>(
  item: T,
  opts: { legacyItems?: boolean; nextCursor?: string; alwaysHasCursor?: boolean } = {},
) {
  const cursor = opts.alwaysHasCursor ? z.string() : z.string().nullable();
  return z.object({
    data: z.array(item),
    nextCursor: cursor.meta({ description: opts.nextCursor ?? NEXT_CURSOR }),
    ...(opts.legacyItems ? { items: z.array(item).meta({ deprecated: true, description: DEPRECATED_ITEMS }) } : {}),
  });
}

/** The answer of a list that answered `items` before: the same rows under both names, for one release. */
export function withLegacyItems<T, B extends { data: T[] }>(body: B): B & { items: T[] } {
  return { ...body, items: body.data };
}

/** When the old names became deprecated (RFC 9745 `Deprecation: @{epoch seconds}`): this release. */
export const DEPRECATED_SINCE = new Date("2026-12-07T00:00:00Z");

/** The response headers for a request that used a deprecated name: when, and where the current names are documented. */
export function deprecationHeaders(): Record<string, string> {
  return {
    deprecation: `@${Math.floor(DEPRECATED_SINCE.getTime() / 1000)}`,
    link: '</api/v1/openapi.json>; rel="deprecation"; type="application/json"',
  };
}

/**
 * The query with each deprecated parameter name (old → current, e.g. the event feed's `after` → `cursor`) read as its
 * current name, and the old names the caller used. Both names with different values is a 400 that says which to keep.
 */
export function withCurrentNames(
  query: Record<string, string>,
  aliases: Readonly<Record<string, string>>,
): { query: Record<string, string>; deprecatedUsed: string[] } {
  const out = { ...query };
  const deprecatedUsed: string[] = [];
  for (const [old, current] of Object.entries(aliases)) {
    const value = out[old];
    if (value === undefined) continue;
    deprecatedUsed.push(old);
    delete out[old];
    const existing = out[current];
    if (existing !== undefined && existing !== value)
      throw new SafeError("bad_request", `Send \`${current}\` only: \`${old}\` is its old name.`, {
        [old]: [`Deprecated: use \`${current}\`.`],
      });
    out[current] = value;
  }
  return { query: out, deprecatedUsed };
}
