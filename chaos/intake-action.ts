// The widget's onintegrate → Onramp over HTTP, as the browser sends it: the server action
// `authorizeWidgetIntegrations` (app/integrations/actions.ts) posted to /integrations with a session cookie.
// Its id is read from the build's server-reference manifest. No app modules: the chaos run, the hostile-client
// run's probes (attack/probes/borrowed-tuples.ts) and the end-to-end specs all post through it.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ACTION_NAME = "authorizeWidgetIntegrations";

export function intakeActionId(root: string, distDir: string): string {
  const manifest = JSON.parse(readFileSync(join(root, distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node?: Record<string, unknown>;
  };
  for (const [id, entry] of Object.entries(manifest.node ?? {}))
    if (JSON.stringify(entry).includes(`"${ACTION_NAME}"`)) return id;
  throw new Error(`the build has no server action ${ACTION_NAME}: is ${distDir} a build of this tree?`);
}

export type IntakeOutcome = { ok: boolean; status: number; text: string };

/**
 * One onintegrate call with a session cookie and the tuples of the caller's choice, as the page's widget handler
 * sends it. The action's answer is React's flight stream, with `"ok":true` on success. Network failures throw.
 */
export async function postIntakeAs(
  publicUrl: string,
  actionId: string,
  cookie: string,
  integrations: unknown[],
): Promise<IntakeOutcome> {
  const res = await fetch(`${publicUrl}/integrations`, {
    method: "POST",
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: publicUrl,
      Cookie: cookie,
    },
    // encodeReply of (prevState = undefined, input): React's reply encoding of plain JSON arguments.
    body: JSON.stringify(["$undefined", { integrations }]),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { ok: res.ok && text.includes('"ok":true'), status: res.status, text: text.slice(0, 400) };
}
