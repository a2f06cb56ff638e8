// Whether an account may act, apart from the session (lib/auth/actor.ts) and sign-in (lib/auth/options.ts) that both
// read it, so neither imports the other (no module cycle; docs/ARCHITECTURE.md).
import type { Role } from "./roles";

/**
 * Whether an account may act: not disabled, and a customer admin only while their customer exists and is not
 * archived (issue 20 item 5), and staff while the identity provider grants them a staff group (issue 24). Read on every request (the session) and at every sign-in.
 */
export function accountActive(user: {
  role: Role;
  disabledAt: Date | null;
  /** Set when the identity provider said the person has no staff group (lib/auth/staff-oidc.ts). */
  oidcAccessEndedAt: Date | null;
  customer: { archivedAt: Date | null } | null;
}): boolean {
  if (user.disabledAt || user.oidcAccessEndedAt) return false;
  if (user.role !== "CUSTOMER_ADMIN") return true;
  return user.customer !== null && user.customer.archivedAt === null;
}
