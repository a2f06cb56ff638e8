// Which widget tuples a customer may hand over, given the bundled types the vendor offers them (C6).
// The seeds name the bundles but not which integrationTypes each yields; the RSC family below is
// Onramp's reading of LinkedIn's RSC pages (not documented in the seeds) and lives in this one place. Pure.
import type { BundledIntegrationType, WidgetTuple } from "./types";

const RSC_FAMILY = new Set(["RECRUITER_SYSTEM_CONNECT", "ONE_CLICK_EXPORT", "INMAIL_HISTORY_SYNC"]);

/** The bundles that could have produced this tuple. */
export function bundlesFor(t: WidgetTuple): BundledIntegrationType[] {
  if (RSC_FAMILY.has(t.integrationType)) {
    return t.integrationContext.startsWith("urn:li:contract:") ? ["RECRUITER_SYSTEM_CONNECT_CONTRACT"] : ["RECRUITER_SYSTEM_CONNECT_COMPANY"];
  }
  if (t.integrationType === "APPLY_CONNECT") return ["APPLY_CONNECT"];
  if (t.integrationType === "APPLY_WITH_LINKEDIN") return ["APPLY_WITH_LINKEDIN"];
  return [];
}

/** Whether the customer was offered a bundle that yields this tuple. */
export function isOffered(t: WidgetTuple, offered: readonly string[]): boolean {
  return bundlesFor(t).some((b) => offered.includes(b));
}
