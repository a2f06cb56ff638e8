// A time in UTC (one clock for everyone, like LinkedIn's daily limits), or a dash when there is none.
export function utcText(d: Date): string {
  return `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

export function Time({ value, empty = "—" }: { value: Date | string | null | undefined; empty?: string }) {
  if (!value) return <span className="text-slate-500">{empty}</span>;
  const d = typeof value === "string" ? new Date(value) : value;
  return <time dateTime={d.toISOString()}>{utcText(d)}</time>;
}
