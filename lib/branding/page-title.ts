import "server-only";
// The browser tab's title on the customer admin's pages (issue 25 point 2): "<page> · <vendor>", never
// Onramp's own name (app/layout.tsx's "· Onramp" template stays for staff pages). A customer's own display
// name wins where the page knows the customer.
import type { Metadata } from "next";
import { brandingFor } from "./branding";

export async function brandedTitle(page: string, customerId: string | null = null): Promise<Metadata["title"]> {
  const { displayName } = await brandingFor(customerId);
  return { absolute: `${page} · ${displayName}` };
}
