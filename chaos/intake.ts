// The chaos run's widget intake: every seeded customer's admin hands over its tuples through the page's server
// action (intake-action.ts), with a session cookie minted for the admin.
import { type IntakeOutcome, postIntakeAs } from "./intake-action";
import { type ChaosCustomer, sessionCookie } from "./seed";

export { intakeActionId, type IntakeOutcome } from "./intake-action";

/** One onintegrate call: the action's answer is React's flight stream, with `"ok":true` on success. */
export async function postIntake(
  publicUrl: string,
  actionId: string,
  c: ChaosCustomer,
  nextAuthSecret: string,
): Promise<IntakeOutcome> {
  try {
    return await postIntakeAs(publicUrl, actionId, await sessionCookie(c, nextAuthSecret), c.tuples);
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
