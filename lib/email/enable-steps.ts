// The LinkedIn product a customer admin enables a PARTNER_READY integration in (seed 001, step 5: "the customer
// will log into the relevant LinkedIn product and enable the integration"; C18). The steps themselves are in the
// message catalogues (Email.enableStep1-4), in the reader's language.
// ASSUMPTION: the seeds and PUBLIC.md name the product (tenantType: RECRUITER or JOBS) but not its menus.
const PRODUCTS: Record<string, string> = { RECRUITER: "LinkedIn Recruiter", JOBS: "LinkedIn Jobs (job posting)" };

export function linkedInProduct(tenantType: string): string {
  return PRODUCTS[tenantType] ?? `LinkedIn (${tenantType})`;
}
