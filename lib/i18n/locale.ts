import "server-only";
// The language of this request (issue 25 point 1): the signed-in person's choice, else their customer's default
// (operators set it), else the browser's Accept-Language. Staff pages stay English.
import { headers } from "next/headers";
import { cache } from "react";
import { currentActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale, pickLocale } from "./locales";

export const requestLocale = cache(async (): Promise<Locale> => {
  const [actor, h] = await Promise.all([currentActor(), headers()]);
  const acceptLanguage = h.get("accept-language");
  if (!actor) return pickLocale({ acceptLanguage });
  if (actor.role !== "CUSTOMER_ADMIN") return DEFAULT_LOCALE;
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { locale: true, customer: { select: { defaultLocale: true } } },
  });
  return pickLocale({ person: user?.locale, customer: user?.customer?.defaultLocale, acceptLanguage });
});

/** A page about one customer before anyone signs in (an invitation or sign-in link): its default, else the browser's. */
export async function customerLocale(customerId: string | null | undefined): Promise<Locale> {
  const [h, customer] = await Promise.all([
    headers(),
    customerId ? db.customer.findUnique({ where: { id: customerId }, select: { defaultLocale: true } }) : null,
  ]);
  return pickLocale({ customer: customer?.defaultLocale, acceptLanguage: h.get("accept-language") });
}
