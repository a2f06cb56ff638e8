// What a customer admin does in LinkedIn to enable an integration that is PARTNER_READY (seed 001,
// step 5: "the customer will log into the relevant LinkedIn product and enable the integration"; C18).
// ASSUMPTION: the seeds and PUBLIC.md name the product (tenantType: RECRUITER or JOBS) but not its menus;
// the menu words below are kept general and live only here, so they can be corrected in one place.
export type EnableSteps = { product: string; steps: string[] };

const PRODUCTS: Record<string, string> = { RECRUITER: "LinkedIn Recruiter", JOBS: "LinkedIn Jobs (job posting)" };

export function enableSteps(tenantType: string, integrationName: string): EnableSteps {
  const product = PRODUCTS[tenantType] ?? `LinkedIn (${tenantType})`;
  return {
    product,
    steps: [
      `Sign in to ${product} with an account that administers your company's LinkedIn contract.`,
      "Open the admin settings and find the list of ATS (applicant tracking system) integrations.",
      `Find "${integrationName}" and switch it on (enable it).`,
      "That is all: this portal shows the integration as Enabled within minutes.",
    ],
  };
}
