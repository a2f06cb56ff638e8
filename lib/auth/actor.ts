import "server-only";
// Who is making this request. Reads the next-auth session, then the user row, so that a disabled user
// or a changed role takes effect on the very next request (issue #6), and so does archiving a customer for
// its admins (issue 20 item 5): their session ends at once, for pages, route handlers and actions alike.
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { accountActive } from "./account-active";
import { authOptions } from "./options";
import type { Role } from "./roles";

export type Actor = {
  userId: string;
  email: string;
  role: Role;
  /** Set exactly for CUSTOMER_ADMIN. */
  customerId: string | null;
};

/**
 * The signed-in person, or null. Read once per request in a render (React's `cache()`): a console page's layout and
 * the page itself both guard; in route handlers and actions each call reads afresh.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  // Who is asking depends on the request: never prerender a page that asks.
  await connection();
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      role: true,
      customerId: true,
      disabledAt: true,
      oidcAccessEndedAt: true,
      customer: { select: { archivedAt: true } },
    },
  });
  if (!user || !accountActive(user)) return null;
  return { userId: user.id, email: user.email, role: user.role, customerId: user.customerId };
});

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.includes(actor.role);
}

/** Staff see every customer; a customer admin only their own. */
export function canAccessCustomer(actor: Actor, customerId: string): boolean {
  if (actor.role === "CUSTOMER_ADMIN") return actor.customerId !== null && actor.customerId === customerId;
  return true;
}
