// The widget's onintegrate → Onramp, over HTTP as the browser sends it: the server action
// `authorizeWidgetIntegrations` (app/integrations/actions.ts) posted to /integrations with the admin's
// session cookie. Its id is read from the build's server-reference manifest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ChaosCustomer, sessionCookie } from "./seed";

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

/** One onintegrate call: the action's answer is React's flight stream, with `"ok":true` on success. */
export async function postIntake(
  publicUrl: string,
  actionId: string,
  c: ChaosCustomer,
  nextAuthSecret: string,
): Promise<IntakeOutcome> {
  try {
    const res = await fetch(`${publicUrl}/integrations`, {
      method: "POST",
      headers: {
        "Next-Action": actionId,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: publicUrl,
        Cookie: await sessionCookie(c, nextAuthSecret),
      },
      // encodeReply of (prevState = undefined, input): React's reply encoding of plain JSON arguments.
      body: JSON.stringify(["$undefined", { integrations: c.tuples }]),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { ok: res.ok && text.includes('"ok":true'), status: res.status, text: text.slice(0, 400) };
  } catch (err) {
    return { ok: false, status: 0, text: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Posts every customer's tuples with `parallel` browsers at once; a failed answer (instance killed, database
 * restarting) is posted again after a pause, as a person clicking again would: the intake is idempotent (C7).
 * `onProgress` sees how many customers have been answered ok so far.
 */
export async function intakeAll(
  customers: ChaosCustomer[],
  parallel: number,
  post: (c: ChaosCustomer) => Promise<IntakeOutcome>,
  onProgress: (done: number) => Promise<void> | void,
): Promise<{ retries: number; failures: string[] }> {
  let cursor = 0;
  let done = 0;
  let retries = 0;
  const failures: string[] = [];
  const lane = async () => {
    for (let c = customers[cursor++]; c; c = customers[cursor++]) {
      let outcome = await post(c);
      for (let attempt = 1; !outcome.ok && attempt < 20; attempt++) {
        retries += 1;
        await new Promise((r) => setTimeout(r, 500 * Math.min(attempt, 4)));
        outcome = await post(c);
      }
      if (!outcome.ok) failures.push(`${c.id}: ${outcome.status} ${outcome.text}`);
      done += 1;
      await onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return { retries, failures };
}
