// Next.js calls register() once per server process: start this instance's job workers (C28).
// NEXT_RUNTIME is set by Next itself and must be read inline so the edge bundle drops this code.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env().JOBS_WORKERS) return;
  const { startWorkersInBackground } = await import("@/lib/jobs/worker");
  // Not awaited: the web server must serve even while PostgreSQL is down; the workers start once it answers.
  startWorkersInBackground();
}
