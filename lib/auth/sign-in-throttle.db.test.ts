// Sign-in throttling (issue 11 item 6, issue 20 point 2; OWASP Authentication Cheat Sheet): every attempt is
// counted before its password is checked; per account, failures from any source make further attempts wait, except
// from a source the owner signed in from; unknown emails are treated exactly like known ones.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { authenticate } from "./options";
import { hashPassword } from "./password";
import { accountBlockedUntil, SIGN_IN_LIMITS } from "./sign-in-throttle";

// Pass-through spy: how many passwords were actually checked.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      verifications.count += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

afterAll(disconnectDb);
beforeEach(() => {
  verifications.count = 0;
});

const { accountFree, accountSource: ACCOUNT_SOURCE_LIMIT, source: SOURCE_LIMIT } = SIGN_IN_LIMITS;
const PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
async function user(): Promise<string> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `signin-${randomUUID()}@onramp.test`;
  await db.user.create({ data: { email, role: "OPERATOR", passwordHash: await passwordHash } });
  return email;
}
/** A source no other test uses (a unique text: the throttle counts what it is given). */
const source = () => `198.51.100.${randomUUID()}`;
const outcome = async (email: string, password: string, from: string) =>
  (await authenticate({ email, password }, from)).outcome;
/** `n` wrong passwords for `email`, each from a new source: the outcomes, in order. */
async function guessesFromManySources(email: string, n: number): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < n; i++) answers.push(await outcome(email, "wrong password", source()));
  return answers;
}

describe("sign-in throttling", () => {
  it("never counts successful sign-ins: 20 in a row all succeed", async () => {
    const email = await user();
    const from = source();
    for (let i = 0; i < 20; i++) expect(await outcome(email, PASSWORD, from)).toBe("signed-in");
    expect(await db.rateLimitHit.count({ where: { key: { contains: email } } })).toBe(0);
  });

  it("50 wrong guesses at once for one account: only the first few passwords are checked", async () => {
    const email = await user();
    const from = source();
    const answers = await Promise.all(Array.from({ length: 50 }, () => outcome(email, "wrong password", from)));
    expect(answers.filter((a) => a === "refused")).toHaveLength(accountFree);
    expect(answers.filter((a) => a === "throttled")).toHaveLength(50 - accountFree);
    expect(verifications.count).toBe(accountFree);
    expect(await outcome(email, PASSWORD, from)).toBe("throttled");
  });

  it("after failures from many sources the right password from a new source waits; the owner's own source signs in", async () => {
    const email = await user();
    const home = source();
    expect(await outcome(email, PASSWORD, home)).toBe("signed-in");
    expect(await guessesFromManySources(email, accountFree)).toEqual(Array(accountFree).fill("refused"));
    verifications.count = 0;
    for (let i = 0; i < 3; i++) {
      const answer = await authenticate({ email, password: PASSWORD }, source());
      expect(answer).toMatchObject({ outcome: "throttled" });
      if (answer.outcome === "throttled") expect(answer.retryAt.getTime()).toBeGreaterThan(Date.now());
    }
    expect(verifications.count).toBe(0); // throttled attempts check no password
    expect(await outcome(email, PASSWORD, home)).toBe("signed-in");
  });

  it("the owner's source keeps its own (email, source) allowance, and a success there clears it", async () => {
    const email = await user();
    const home = source();
    expect(await outcome(email, PASSWORD, home)).toBe("signed-in");
    await guessesFromManySources(email, accountFree);
    for (let i = 0; i < ACCOUNT_SOURCE_LIMIT - 1; i++) expect(await outcome(email, "typo", home)).toBe("refused");
    expect(await outcome(email, PASSWORD, home)).toBe("signed-in");
    for (let i = 0; i < ACCOUNT_SOURCE_LIMIT; i++) expect(await outcome(email, "typo", home)).toBe("refused");
    expect(await outcome(email, PASSWORD, home)).toBe("throttled");
  });

  it("an unknown email is counted and answered exactly like a known one", async () => {
    const known = await user();
    const unknown = `nobody-${randomUUID()}@onramp.test`;
    const pattern = [...Array(accountFree).fill("refused"), "throttled", "throttled"];
    expect(await guessesFromManySources(known, accountFree + 2)).toEqual(pattern);
    const checkedForKnown = verifications.count;
    verifications.count = 0;
    expect(await guessesFromManySources(unknown, accountFree + 2)).toEqual(pattern);
    expect(verifications.count).toBe(checkedForKnown);
    const concurrent = await Promise.all(
      Array.from({ length: 20 }, () => outcome(`nobody-${randomUUID()}@onramp.test`, "guess", source())),
    );
    expect(concurrent.every((a) => a === "refused")).toBe(true); // different emails do not block each other
  });

  it("a source that never signed in with the right password is nobody's own: the shared 'unknown' source neither", async () => {
    const email = await user();
    expect(await outcome(email, PASSWORD, "unknown")).toBe("signed-in");
    await guessesFromManySources(email, accountFree);
    expect(await outcome(email, PASSWORD, "unknown")).toBe("throttled");
    expect(await db.knownSignInSource.count({ where: { user: { email } } })).toBe(0);
  });

  it("an IPv6 source is its /64: the owner's other address in it is still theirs", async () => {
    const email = await user();
    const prefix = `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
    expect(await outcome(email, PASSWORD, `${prefix}::1`)).toBe("signed-in");
    await guessesFromManySources(email, accountFree);
    expect(await outcome(email, PASSWORD, `${prefix}::beef`)).toBe("signed-in");
    expect(await outcome(email, PASSWORD, `2001:db8:ffff:${randomBytes(2).toString("hex")}::1`)).toBe("throttled");
  });

  it("100 failures across many emails from one source block that source, not others", {
    timeout: 240_000,
  }, async () => {
    const email = await user();
    const [spray, other] = [source(), source()];
    for (let i = 0; i < SOURCE_LIMIT; i++)
      expect(await outcome(`nobody-${randomUUID()}@onramp.test`, "guess", spray)).toBe("refused");
    expect(await outcome(email, PASSWORD, spray)).toBe("throttled");
    expect(await outcome(email, PASSWORD, other)).toBe("signed-in");
  });

  it("counts a disabled user's attempt as a failure and refuses it", async () => {
    const email = await user();
    await db.user.update({ where: { email }, data: { disabledAt: new Date() } });
    const a = source();
    for (let i = 0; i < accountFree; i++) expect(await outcome(email, PASSWORD, a)).toBe("refused");
    await db.user.update({ where: { email }, data: { disabledAt: null } });
    expect(await outcome(email, PASSWORD, source())).toBe("throttled");
  });
});

describe("the per-account block", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const MINUTE = 60_000;
  const state = (count: number, newestAgo: number) => ({
    count,
    oldest: ago(50 * MINUTE),
    newest: ago(newestAgo),
    now,
  });

  it("starts after accountFree failures, doubles with each further one, is capped, and ends", () => {
    expect(accountBlockedUntil(state(accountFree - 1, 0))).toBeNull();
    expect(accountBlockedUntil(state(accountFree, 0))).toEqual(new Date(now.getTime() + MINUTE));
    expect(accountBlockedUntil(state(accountFree + 2, 3 * MINUTE))).toEqual(new Date(now.getTime() + MINUTE));
    expect(accountBlockedUntil(state(accountFree + 2, 5 * MINUTE))).toBeNull();
    expect(accountBlockedUntil(state(accountFree + 20, 0))).toEqual(new Date(now.getTime() + 15 * MINUTE));
  });
});
