// Prisma's unique-constraint error (P2002) for one column, so a duplicate foreignId or clientId answers
// a field-level 409 rather than a 500.
import { Prisma } from "@/lib/db/generated/client";

export function isUniqueViolation(e: unknown, field: string): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return false;
  const meta = e.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } }
    | undefined;
  const target = meta?.target ?? meta?.driverAdapterError?.cause?.constraint?.fields;
  if (Array.isArray(target)) return target.some((t) => String(t).replace(/"/g, "") === field);
  if (typeof target === "string") return target.includes(field);
  // Adapters do not always name the column; the caller checks the one unique field it wrote.
  return true;
}
