// Sign-in throttling (issue 11 item 6, OWASP Authentication Cheat Sheet): only failures count, per (email, source)
// and per source alone, so the real user is never locked out by a stranger's failures nor by their own successes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { authenticate } from "./options";
import { hashPassword } from "./password";
import { ACCOUNT_SOURCE_FAILURE_LIMIT, SOURCE_FAILURE_LIMIT } from "./sign-in-throttle";

// Pass-through spy: every refusal must cost one argon2 verification, like a wrong password does.
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

const PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
async function user(): Promise<string> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `signin-${randomUUID()}@onramp.test`;
  await db.user.create({ data: { email, role: "OPERATOR", passwordHash: await passwordHash } });
  return email;
}
const source = () => `198.51.100.${randomUUID()}`;

describe("sign-in throttling", () => {
  it("never counts successful sign-ins: 20 in a row all succeed", async () => {
    const email = await user();
    const from = source();
    for (let i = 0; i < 20; i++) expect(await authenticate({ email, password: PASSWORD }, from)).not.toBeNull();
  });

  it("10 failures from source A lock (email, A) only: the right password from source B still works", async () => {
    const email = await user();
    const [a, b] = [source(), source()];
    for (let i = 0; i < ACCOUNT_SOURCE_FAILURE_LIMIT; i++)
      expect(await authenticate({ email, password: "wrong password" }, a)).toBeNull();
    verifications.count = 0;
    expect(await authenticate({ email, password: PASSWORD }, a)).toBeNull();
    expect(verifications.count).toBe(1); // refused without telling by timing that the throttle answered
    expect(await authenticate({ email, password: PASSWORD }, b)).not.toBeNull();
  });

  it("a success clears its own (email, source) failures", async () => {
    const email = await user();
    const a = source();
    for (let i = 0; i < ACCOUNT_SOURCE_FAILURE_LIMIT - 1; i++)
      expect(await authenticate({ email, password: "wrong" }, a)).toBeNull();
    expect(await authenticate({ email, password: PASSWORD }, a)).not.toBeNull();
    for (let i = 0; i < ACCOUNT_SOURCE_FAILURE_LIMIT - 1; i++)
      expect(await authenticate({ email, password: "wrong" }, a)).toBeNull();
    expect(await authenticate({ email, password: PASSWORD }, a)).not.toBeNull();
  });

  it("100 failures across many emails from one source block that source, not others", {
    timeout: 240_000,
  }, async () => {
    const email = await user();
    const [spray, other] = [source(), source()];
    for (let i = 0; i < SOURCE_FAILURE_LIMIT; i++) {
      expect(await authenticate({ email: `nobody-${randomUUID()}@onramp.test`, password: "guess" }, spray)).toBeNull();
    }
    expect(await authenticate({ email, password: PASSWORD }, spray)).toBeNull();
    expect(await authenticate({ email, password: PASSWORD }, other)).not.toBeNull();
  });

  it("refuses an unknown email like a wrong password: one hash verification, and the failure counts", async () => {
    const email = `later-${randomUUID()}@onramp.test`;
    const [a, b] = [source(), source()];
    for (let i = 0; i < ACCOUNT_SOURCE_FAILURE_LIMIT; i++) {
      verifications.count = 0;
      expect(await authenticate({ email, password: PASSWORD }, a)).toBeNull();
      expect(verifications.count).toBe(1);
    }
    await db.user.create({ data: { email, role: "OPERATOR", passwordHash: await hashPassword(PASSWORD) } });
    expect(await authenticate({ email, password: PASSWORD }, a)).toBeNull();
    expect(await authenticate({ email, password: PASSWORD }, b)).not.toBeNull();
  });

  it("counts a disabled user's attempt as a failure and refuses it", async () => {
    const email = await user();
    await db.user.update({ where: { email }, data: { disabledAt: new Date() } });
    const a = source();
    for (let i = 0; i < ACCOUNT_SOURCE_FAILURE_LIMIT; i++)
      expect(await authenticate({ email, password: PASSWORD }, a)).toBeNull();
    await db.user.update({ where: { email }, data: { disabledAt: null } });
    expect(await authenticate({ email, password: PASSWORD }, a)).toBeNull();
    expect(await authenticate({ email, password: PASSWORD }, source())).not.toBeNull();
  });
});
