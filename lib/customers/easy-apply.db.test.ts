// Issue 23 point 7, L30: Apply Connect's account-level LinkedIn Easy Apply toggle. On by default; an admin's change
// is stored, audited and sent as customer.easy_apply_changed in one transaction, and read by the vendor API's body.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { customerBody } from "@/lib/vendor-api/present";
import { easyApplyFormSchema, easyApplyState, setLinkedInEasyApply } from "./easy-apply";
import { listCustomers } from "./queries";
import { createCustomerRow } from "./test-support/customer-row";

function adminOf(customerId: string): Actor {
  return { userId: `u-${randomUUID()}`, email: "admin@easy-apply.test", role: "CUSTOMER_ADMIN", customerId };
}

const eventsOf = (customerId: string) =>
  db.event.findMany({ where: { customerId, type: "customer.easy_apply_changed" }, orderBy: { id: "asc" } });

describe("LinkedIn Easy Apply, account level (L30)", () => {
  it("is on by default; turning it off is stored, audited, evented once and shown in the vendor API", async () => {
    const c = await createCustomerRow("Easy Apply", { offeredIntegrationTypes: ["APPLY_CONNECT"] });
    expect(await easyApplyState(c.id)).toEqual({ applies: true, enabled: true, changedAt: null });

    const form = easyApplyFormSchema.parse({ easyApplyForm: "1" }); // the checkbox unticked: not sent
    const answer = await setLinkedInEasyApply(adminOf(c.id), form.linkedInEasyApply === "on");
    expect(answer.notice.key).toBe("easyApplyOff");
    const state = await easyApplyState(c.id);
    expect(state).toMatchObject({ applies: true, enabled: false });
    expect(state.changedAt).not.toBeNull();

    const audit = await db.auditLog.findMany({ where: { customerId: c.id, action: "customer.easy_apply_changed" } });
    expect(audit.map((a) => a.details)).toEqual([{ linkedInEasyApply: false }]);
    const [event] = await eventsOf(c.id);
    expect(event?.data).toMatchObject({
      customer: { id: c.id, foreignId: c.foreignId },
      linkedInEasyApply: false,
      changedAt: state.changedAt?.toISOString(),
    });

    // The same value again changes nothing and sends nothing.
    expect((await setLinkedInEasyApply(adminOf(c.id), false)).notice.key).toBe("easyApplyUnchanged");
    expect(await eventsOf(c.id)).toHaveLength(1);

    const { rows } = await listCustomers({ foreignId: c.foreignId, page: 1, pageSize: 1 });
    expect(customerBody(rows[0]!).linkedInEasyApply).toEqual({
      enabled: false,
      changedAt: state.changedAt?.toISOString(),
    });
  });

  it("is refused for a customer without Apply Connect and for a stranger; the form refuses other values", async () => {
    const c = await createCustomerRow("No Apply Connect", {
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    });
    expect((await easyApplyState(c.id)).applies).toBe(false);
    await expect(setLinkedInEasyApply(adminOf(c.id), false)).rejects.toBeInstanceOf(SafeError);
    await expect(setLinkedInEasyApply({ ...adminOf(c.id), customerId: null }, false)).rejects.toThrow(/own admin/);
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).linkedInEasyApply).toBe(true);
    expect(await eventsOf(c.id)).toHaveLength(0);
    expect(easyApplyFormSchema.safeParse({ easyApplyForm: "1", linkedInEasyApply: "yes" }).success).toBe(false);
    expect(easyApplyFormSchema.safeParse({ linkedInEasyApply: "on" }).success).toBe(false);
  });
});
