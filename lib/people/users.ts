import "server-only";
// People with accounts (issue #6): listed for operators, disabled at once (the guard re-reads the user
// on every request, lib/auth/actor.ts, so a disabled user's next request is refused).
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/enums";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { SafeError } from "@/lib/errors/safe-error";

export const PEOPLE_PAGE_SIZE = 25;

export type PersonListItem = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  customerId: string | null;
  customerName: string | null;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export async function listPeople(q: { search?: string; role?: Role; page?: number }): Promise<{
  items: PersonListItem[];
  total: number;
  page: number;
  pageCount: number;
}> {
  const page = Math.max(q.page ?? 1, 1);
  const search = q.search?.trim();
  const where: Prisma.UserWhereInput = {
    ...(q.role ? { role: q.role } : {}),
    ...(search
      ? {
          OR: [
            { email: { contains: search, mode: "insensitive" } },
            { name: { contains: search, mode: "insensitive" } },
            { customer: { displayName: { contains: search, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ email: "asc" }],
      skip: (page - 1) * PEOPLE_PAGE_SIZE,
      take: PEOPLE_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        customerId: true,
        disabledAt: true,
        lastSignInAt: true,
        createdAt: true,
        customer: { select: { displayName: true } },
      },
    }),
  ]);
  return {
    items: rows.map(({ customer, ...u }) => ({ ...u, customerName: customer?.displayName ?? null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)),
  };
}

export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean): Promise<{ email: string }> {
  if (disabled && userId === actor.userId) {
    throw new SafeError("conflict", "You can not disable your own account: ask another operator.");
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, role: true, customerId: true, disabledAt: true },
    });
    if (!user) throw new SafeError("not_found", "No such person.");
    if (disabled && user.role === "OPERATOR" && !user.disabledAt) {
      const activeOperators = await tx.user.count({ where: { role: "OPERATOR", disabledAt: null } });
      if (activeOperators <= 1)
        throw new SafeError("conflict", "This is the last active operator; invite another before disabling it.");
    }
    await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? (user.disabledAt ?? new Date()) : null },
    });
    await recordAudit(
      actor,
      {
        action: disabled ? "user.disabled" : "user.enabled",
        targetType: "User",
        targetId: userId,
        customerId: user.customerId,
        details: { email: user.email, role: user.role },
      },
      tx,
    );
    return { email: user.email };
  });
}
