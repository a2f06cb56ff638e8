import "server-only";
// Seeded configuration requirements beyond the callback URL (C15, C17). LinkedIn's "Integration Types"
// page is not in the seeds, so the key and its values are Onramp's: an operator edits or deletes them
// in the console like any other requirement.
//
// C17: when the customer opts out of user-based entity visibility, or the ATS has no such feature, the
// visibility defaults must show entities without ACLs. Onramp offers that as a customer-editable value
// on the RSC integrations (the ones that carry ATS entities into Recruiter), defaulting to "show".
import { db } from "@/lib/db/client";

export const ENTITY_VISIBILITY_KEY = "ENTITY_VISIBILITY_DEFAULT";
export const ENTITY_VISIBILITY_VALUES = {
  SHOW_ENTITIES_WITHOUT_ACLS: "Show records that have no access controls (default; C17)",
  HIDE_ENTITIES_WITHOUT_ACLS: "Hide records that have no access controls",
} as const;

export async function seedEntityVisibilityRequirement(): Promise<void> {
  await db.configurationKeyRequirement.upsert({
    where: { integrationType_key: { integrationType: "RECRUITER_SYSTEM_CONNECT", key: ENTITY_VISIBILITY_KEY } },
    create: {
      integrationType: "RECRUITER_SYSTEM_CONNECT",
      key: ENTITY_VISIBILITY_KEY,
      label: "Visibility of records without access controls",
      description:
        "If you do not restrict which recruiters see which candidates and jobs (or your ATS cannot), keep SHOW_ENTITIES_WITHOUT_ACLS so LinkedIn shows them (C17).",
      valueSource: "CUSTOMER",
      defaultValue: "SHOW_ENTITIES_WITHOUT_ACLS",
      customerEditable: true,
    },
    update: {},
  });
}
