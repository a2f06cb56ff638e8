// Batch size of LinkedIn's multi-entity calls (C13). Pure.

/** "Please submit batch calls grouped with no more than 100 records" (C13); also used for ids lookups (C19b). */
export const MAX_RECORDS_PER_CALL = 100;

/** Splits a list into consecutive batches of at most `size`. */
export function inBatches<T>(items: readonly T[], size: number = MAX_RECORDS_PER_CALL): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("batch size must be a positive integer");
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
