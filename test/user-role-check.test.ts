// The hand-written CHECK in the init migration: a CUSTOMER_ADMIN belongs to exactly one customer,
// OPERATOR and SUPPORT to none (schema.prisma, model User).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";

describe('"User_customer_admin_has_customer_check"', () => {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  const tag = randomBytes(6).toString("hex");
  const customerId = `cust_${tag}`;
  let n = 0;
  const insertUser = (role: string, customer: string | null) =>
    client.query(
      `INSERT INTO "User" (id, email, role, "customerId", "updatedAt") VALUES ($1, $2, $3::"Role", $4, now())`,
      [`user_${tag}_${++n}`, `user-${tag}-${n}@example.test`, role, customer],
    );

  beforeAll(async () => {
    await client.connect();
    await client.query(
      `INSERT INTO "Customer" (id, "displayName", "foreignId", "offeredIntegrationTypes", "callbackKey", "updatedAt")
       VALUES ($1, $2, $3, '{}', $4, now())`,
      [customerId, `Check ${tag}`, `foreign-${tag}`, `key-${tag}`],
    );
  });
  afterAll(async () => {
    await client.query(`DELETE FROM "User" WHERE id LIKE $1`, [`user_${tag}_%`]);
    await client.query(`DELETE FROM "Customer" WHERE id = $1`, [customerId]);
    await client.end();
  });

  it("accepts a CUSTOMER_ADMIN with a customer and staff without one", async () => {
    await insertUser("CUSTOMER_ADMIN", customerId);
    await insertUser("OPERATOR", null);
    await insertUser("SUPPORT", null);
  });

  it.each([
    ["CUSTOMER_ADMIN", null],
    ["OPERATOR", "customer"],
    ["SUPPORT", "customer"],
  ])("refuses %s with customer %s", async (role, customer) => {
    await expect(insertUser(role, customer ? customerId : null)).rejects.toMatchObject({
      code: "23514",
      constraint: "User_customer_admin_has_customer_check",
    });
  });
});
