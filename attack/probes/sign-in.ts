// Issue 20 point 2 (and point 8 for sign-in and admin links): guessing passwords past the throttle, and asking
// Onramp which emails have an account. Every account here is new (stack.staff / stack.customer write it straight
// into the database) and has never signed in, so it has no source of its own: at most SIGN_IN_LIMITS.accountFree
// of its passwords may be checked before every further attempt waits, wherever it claims to come from.
import { randomBytes } from "node:crypto";
import { SIGN_IN_THROTTLED } from "@/lib/auth/sign-in-messages";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-throttle";
import { type AttackStack, type Tally, probeOf } from "../types";

type Answer = "signed-in" | "refused" | "throttled" | "other";
const spoofed = () => ({
  "x-forwarded-for": `203.0.113.${1 + ((randomBytes(1)[0] ?? 0) % 254)}, 198.51.100.${randomBytes(1)[0] ?? 0}`,
});

/** A prepared credentials POST (CSRF token and cookie fetched first), so many can be fired at the same instant. */
async function prepare(stack: AttackStack, email: string, password: string, headers: Record<string, string>) {
  const csrf = await fetch(`${stack.baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .join("; ");
  return async (): Promise<Answer> => {
    const res = await fetch(`${stack.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    const { url } = (await res.json()) as { url?: string };
    const error = url ? new URL(url, stack.baseUrl).searchParams.get("error") : null;
    if (error === SIGN_IN_THROTTLED) return "throttled";
    if (error === "CredentialsSignin") return "refused";
    if (!error && res.headers.getSetCookie().some((c) => /next-auth\.session-token=./.test(c))) return "signed-in";
    return "other";
  };
}

const attempt = async (stack: AttackStack, email: string, password: string, headers: Record<string, string> = {}) =>
  (await prepare(stack, email, password, headers))();
/** Attempts whose password may have been checked (any answer but "throttled") beyond what the throttle allows. */
const beyondLimit = (answers: Answer[]) =>
  Math.max(0, answers.filter((a) => a !== "throttled").length - SIGN_IN_LIMITS.accountFree);

/** (a) 12 wrong passwords, then 30 right ones each claiming another source in X-Forwarded-For. */
async function spoofedSourcesAfterLock(stack: AttackStack): Promise<Tally> {
  const victim = await stack.staff("OPERATOR");
  const answers: Answer[] = [];
  for (let i = 0; i < 12; i++) answers.push(await attempt(stack, victim.email, `wrong-${i}`));
  for (let i = 0; i < 30; i++) answers.push(await attempt(stack, victim.email, victim.password, spoofed()));
  return {
    attack: "sign-in: right password from spoofed sources during the lock",
    tried: 42,
    gotThrough: beyondLimit(answers),
  };
}

/** (b) 50 wrong passwords for one account at the same instant (half of them with a spoofed source). */
async function concurrentGuesses(stack: AttackStack): Promise<Tally> {
  const victim = await stack.staff("SUPPORT");
  const shots = await Promise.all(
    Array.from({ length: 50 }, (_, i) => prepare(stack, victim.email, `guess-${i}`, i % 2 ? spoofed() : {})),
  );
  const answers = await Promise.all(shots.map((shoot) => shoot()));
  return { attack: "sign-in: 50 concurrent guesses for one account", tried: 50, gotThrough: beyondLimit(answers) };
}

/** (c) The same 7 wrong attempts for an existing and an unknown email: any difference tells the account exists. */
async function signInExistenceOracle(stack: AttackStack): Promise<Tally> {
  const existing = await stack.staff("SUPPORT");
  const unknown = `nobody-${randomBytes(6).toString("hex")}@attack.test`;
  const run = async (email: string) => {
    const answers: Answer[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.accountFree + 2; i++) answers.push(await attempt(stack, email, `wrong-${i}`));
    return answers;
  };
  const [a, b] = [await run(existing.email), await run(unknown)];
  return {
    attack: "sign-in: answers tell whether an email has an account",
    tried: a.length,
    gotThrough: a.filter((answer, i) => answer !== b[i]).length,
  };
}

/** (d) Admin links for a fresh email vs emails that already have accounts: the answers must not differ. */
async function adminLinkExistenceOracle(stack: AttackStack): Promise<Tally> {
  const token = await stack.vendorToken(["admin-links:create"]);
  const [customer, other, staff] = [
    await stack.customer("Oracle"),
    await stack.customer("Oracle Other"),
    await stack.staff("SUPPORT"),
  ];
  const answer = async (email: string) => {
    const res = await fetch(`${stack.baseUrl}/api/v1/customers/${customer.id}/admin-links`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    const url = typeof body.url === "string" ? body.url.replace(/[^/]+$/, "TOKEN") : null;
    return JSON.stringify({ status: res.status, keys: Object.keys(body).sort(), url });
  };
  const fresh = await answer(`fresh-${randomBytes(6).toString("hex")}@attack.test`);
  const existing = [customer.adminEmail, other.adminEmail, staff.email];
  const answers = [];
  for (const email of existing) answers.push(await answer(email));
  return {
    attack: "admin links: answers tell whether an email has an account",
    tried: existing.length,
    gotThrough: answers.filter((a) => a !== fresh).length,
  };
}

export const probe = probeOf("sign-in", [
  spoofedSourcesAfterLock,
  concurrentGuesses,
  signInExistenceOracle,
  adminLinkExistenceOracle,
]);
