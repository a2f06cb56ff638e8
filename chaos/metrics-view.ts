// The chaos run's second opinion (issue 24 point 1): GET /api/metrics through the balancer, read at the end and
// printed beside the run's own counts from the database. Both describe the same rows, so they must agree; a
// difference means the metrics an operator alerts on would lie.
import type { Figures } from "./figures";

/** Prometheus text → series (name{labels}) → value. */
function parse(text: string): Map<string, number> {
  const series = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const i = line.lastIndexOf(" ");
    series.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return series;
}

const sum = (series: Map<string, number>, name: string, states: string[]) =>
  [...series].reduce((n, [k, v]) => {
    const state = /state="([A-Z_]+)"/.exec(k)?.[1];
    return k.startsWith(`${name}{`) && state && states.includes(state) ? n + v : n;
  }, 0);

export type MetricsView = { lines: string[]; disagreements: string[] };

export async function metricsView(baseUrl: string, token: string, f: Figures): Promise<MetricsView> {
  const res = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) return { lines: [], disagreements: [`GET /api/metrics answered ${res.status}`] };
  const m = parse(await res.text());
  const pairs: [string, number, number][] = [
    ["jobs not terminal", sum(m, "onramp_jobs", ["QUEUED", "RUNNING", "RETRYING"]), f.jobsNotTerminal],
    ["jobs FAILED", sum(m, "onramp_jobs", ["FAILED"]), f.jobsFailed],
    [
      "notifications stored",
      sum(m, "onramp_notifications", ["PENDING", "PROCESSING", "PROCESSED", "NOT_HANDLED", "EXPIRED", "FAILED"]),
      f.rowsStored,
    ],
    [
      // The run counts a stored push not PROCESSED as unprocessed (figures.ts).
      "notifications not processed",
      sum(m, "onramp_notifications", ["PENDING", "PROCESSING", "NOT_HANDLED", "EXPIRED", "FAILED"]),
      f.lostDetail.unprocessed,
    ],
  ];
  const lag = m.get("onramp_notification_lag_seconds") ?? Number.NaN;
  const depth = [...m].filter(([k]) => k.startsWith("onramp_job_queue_depth{")).reduce((n, [, v]) => n + v, 0);
  const lines = [
    ...pairs.map(([name, metric, own]) => `${name.padEnd(28)} metrics ${metric}, the run's own count ${own}`),
    `${"notification lag".padEnd(28)} metrics ${lag} s (0: nothing waits)`,
    `${"job queue depth".padEnd(28)} metrics ${depth}`,
  ];
  const disagreements = pairs.filter(([, a, b]) => a !== b).map(([name, a, b]) => `${name}: metrics ${a}, run ${b}`);
  if (f.lostDetail.unprocessed === 0 && lag !== 0) disagreements.push(`notification lag ${lag} s with nothing waiting`);
  return { lines, disagreements };
}
