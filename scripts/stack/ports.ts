// The launcher's ports, checked before anything starts (issue 26): a port another program holds is named
// with the variable that moves it, instead of a stack trace from deep inside Next after "running" was printed.
import { createServer } from "node:net";
import type { LauncherEnv } from "@/lib/env";

export type NeededPort = { variable: string; port: number };

/** The ports `npm run demo` will listen on with this environment (0 = any free port, nothing to check). */
export function portsNeeded(le: LauncherEnv): NeededPort[] {
  const needed: NeededPort[] = [{ variable: "PORT", port: le.PORT }];
  if (!le.LINKEDIN_API_URL) needed.push({ variable: "SANDBOX_PORT", port: le.SANDBOX_PORT });
  if (!le.SMTP_URL)
    needed.push(
      { variable: "MAIL_CATCHER_SMTP_PORT", port: le.MAIL_CATCHER_SMTP_PORT },
      { variable: "MAIL_CATCHER_PORT", port: le.MAIL_CATCHER_PORT },
    );
  return needed.filter((p) => p.port !== 0);
}

/**
 * null when `port` can be listened on, else the error code. Tried on every address (what `next` binds): a
 * program on any of them, 127.0.0.1 and ::1 included, makes the port unusable for a http://localhost URL.
 */
function listenProblem(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

function sentence(needed: NeededPort, problem: string): string {
  const { variable, port } = needed;
  if (problem === "EADDRINUSE")
    return `Port ${port} is already in use by another program: stop it, or set ${variable} to a free port (for example \`${variable}=${port + 100} npm run demo\`).`;
  if (problem === "EACCES")
    return `This user may not listen on port ${port}: set ${variable} to a port above 1023 (for example \`${variable}=${port + 3000} npm run demo\`).`;
  return `Port ${port} cannot be used (${problem}): set ${variable} to another port.`;
}

/** One sentence per port that cannot be used, naming the variable to change; empty when all are free. */
export async function portProblems(needed: NeededPort[]): Promise<string[]> {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const item of needed) {
    const other = seen.get(item.port);
    if (other) {
      problems.push(`${other} and ${item.variable} are both ${item.port}: give each its own port.`);
      continue;
    }
    seen.set(item.port, item.variable);
    const problem = await listenProblem(item.port);
    if (problem) problems.push(sentence(item, problem));
  }
  return problems;
}
