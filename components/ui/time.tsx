// A time in UTC (one clock for everyone, like LinkedIn's daily limits), or a word when there is none.
// Minutes, or seconds where they matter (webhook retries).
export function utcText(d: Date, seconds = false): string {
  return `${d
    .toISOString()
    .replace("T", " ")
    .slice(0, seconds ? 19 : 16)} UTC`;
}

export function Time({
  value,
  empty = "—",
  seconds = false,
}: {
  value: Date | string | null | undefined;
  empty?: string;
  seconds?: boolean;
}) {
  if (!value) return <span className="text-slate-500">{empty}</span>;
  const d = typeof value === "string" ? new Date(value) : value;
  return <time dateTime={d.toISOString()}>{utcText(d, seconds)}</time>;
}
