// Server actions over plain HTTP, as a hostile client calls them (issue 20): the action's id comes from the
// production build's server-reference-manifest (file and exported name; chaos/intake.ts does the same for the
// widget's action), and the POST goes to a page that carries it, with React's reply encoding of plain arguments.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export type ServerActionRef = { id: string; file: string; name: string; pages: string[] };

type ManifestEntry = { workers?: Record<string, unknown>; filename?: string; exportedName?: string };

/** Every server action of the build in `distDir`, by "app/…/actions.ts name". */
export function serverActionIndex(distDir: string): Map<string, ServerActionRef> {
  const manifest = JSON.parse(readFileSync(join(ROOT, distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node?: Record<string, ManifestEntry>;
  };
  const index = new Map<string, ServerActionRef>();
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (!entry.filename || !entry.exportedName) continue;
    const pages = Object.keys(entry.workers ?? {}).filter((w) => w.endsWith("/page"));
    index.set(`${entry.filename} ${entry.exportedName}`, { id, file: entry.filename, name: entry.exportedName, pages });
  }
  if (index.size === 0) throw new Error(`${distDir} lists no server actions: is it a production build of this tree?`);
  return index;
}

/** The URL of a page that carries the action: a page without dynamic segments when there is one. */
function pageUrl(ref: ServerActionRef, params: Record<string, string>): string {
  const page = ref.pages.find((p) => !p.includes("[")) ?? ref.pages[0];
  if (!page) throw new Error(`no page carries ${ref.file} ${ref.name}`);
  return (
    page
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\[([^\]]+)\]/g, (_, name: string) => {
        const value = params[name];
        if (value === undefined) throw new Error(`${page}: no value for [${name}]`);
        return encodeURIComponent(value);
      }) || "/"
  );
}

export type ActionAnswer = { status: number; text: string };

/** Calls the action with (prevState = undefined, input) as `cookie`'s browser would. */
export async function postServerAction(
  baseUrl: string,
  ref: ServerActionRef,
  input: Record<string, unknown>,
  cookie: string,
  params: Record<string, string> = {},
): Promise<ActionAnswer> {
  const res = await fetch(`${baseUrl}${pageUrl(ref, params)}`, {
    method: "POST",
    headers: {
      "Next-Action": ref.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseUrl,
      Cookie: cookie,
    },
    body: JSON.stringify(["$undefined", input]),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, text: await res.text() };
}

/** What the guard and the lib checks answer when they refuse (lib/auth/guard.ts, lib/jobs/permissions.ts). */
const REFUSED = /"message":"(Your session has ended|Your role does not allow|Only an operator can|No such )/;

/** The action ran past every check: it answered (ok or not) with anything but a refusal. */
export function gotPastTheGuard(answer: ActionAnswer): boolean {
  return (
    answer.status >= 200 && answer.status < 300 && /"ok":(true|false)/.test(answer.text) && !REFUSED.test(answer.text)
  );
}
