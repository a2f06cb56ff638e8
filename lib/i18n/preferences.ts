import "server-only";
// Who chose which language (issue 25 point 1): an operator a customer's default, a customer admin their own.
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import type { Locale } from "./locales";

/** The operator's choice of a customer's language (issue 25 point 1); null follows each browser. */
export async function setCustomerDefaultLocale(actor: Actor, customerId: string, locale: Locale | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.customer.findUnique({ where: { id: customerId }, select: { defaultLocale: true } });
    if (!before) throw new SafeError("not_found", "No such customer.");
    await tx.customer.update({ where: { id: customerId }, data: { defaultLocale: locale } });
    await recordAudit(
      actor,
      {
        action: "customer.default_locale",
        targetType: "Customer",
        targetId: customerId,
        customerId,
        details: { from: before.defaultLocale, to: locale },
      },
      tx,
    );
  });
}

/** A customer admin's own choice of language. */
export async function setPersonLocale(actor: Actor, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: actor.userId }, data: { locale } });
}
