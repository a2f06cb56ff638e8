import "server-only";
// The checks behind the guard, without Next.js imports, so job handlers and scripts can use them too.
import { SafeError } from "@/lib/errors/safe-error";
import { type Actor, canAccessCustomer, hasRole } from "./actor";
import type { Role } from "./roles";

export function assertRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasRole(actor, roles)) throw new SafeError("forbidden", "Your role does not allow this.");
}

/** Another customer's data answers as if it did not exist. */
export function assertCustomerAccess(actor: Actor, customerId: string): void {
  if (!canAccessCustomer(actor, customerId)) throw new SafeError("not_found", "No such customer.");
}
