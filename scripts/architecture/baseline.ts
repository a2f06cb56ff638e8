// Known violations of the architecture rules (.dependency-cruiser.cjs), as "rule: from → to". This list may only
// shrink: the check (./check.ts) fails on a violation that is not here and on an entry here that no longer occurs,
// so fixing one means deleting its line. Never add a line to make the check pass.
//
// Every entry today is one folder-level loop (issue 21): the process's composition root (registry.ts, worker.ts,
// reconcile-pass.ts) lives inside lib/jobs, so lib/jobs imports the domains whose handlers it registers, and they
// import lib/jobs back to queue work. The loop is ten folders: auth, customers, email, http, integrations, jobs,
// notifications, onboarding-status, settings, support. Moving the composition root out of lib/ (issue 21 point 2)
// removes most of these; lib/customers ↔ lib/integrations is a loop of its own.
export const KNOWN_VIOLATIONS: readonly string[] = [
  // lib/jobs registers every domain's handlers (the composition root inside a domain folder).
  "no-domain-cycle: lib/jobs → lib/auth",
  "no-domain-cycle: lib/jobs → lib/customers",
  "no-domain-cycle: lib/jobs → lib/email",
  "no-domain-cycle: lib/jobs → lib/integrations",
  "no-domain-cycle: lib/jobs → lib/notifications",
  "no-domain-cycle: lib/jobs → lib/onboarding-status",
  // ...and the domains import lib/jobs back to queue their work.
  "no-domain-cycle: lib/customers → lib/jobs",
  "no-domain-cycle: lib/email → lib/jobs",
  "no-domain-cycle: lib/integrations → lib/jobs",
  "no-domain-cycle: lib/notifications → lib/jobs",
  "no-domain-cycle: lib/onboarding-status → lib/jobs",
  // Edges that close a loop only through lib/jobs (or through each other).
  "no-domain-cycle: lib/auth → lib/http",
  "no-domain-cycle: lib/http → lib/customers",
  "no-domain-cycle: lib/email → lib/auth",
  "no-domain-cycle: lib/email → lib/settings",
  "no-domain-cycle: lib/email → lib/support",
  "no-domain-cycle: lib/integrations → lib/auth",
  "no-domain-cycle: lib/notifications → lib/auth",
  "no-domain-cycle: lib/notifications → lib/http",
  "no-domain-cycle: lib/notifications → lib/onboarding-status",
  "no-domain-cycle: lib/onboarding-status → lib/auth",
  "no-domain-cycle: lib/onboarding-status → lib/email",
  "no-domain-cycle: lib/onboarding-status → lib/integrations",
  "no-domain-cycle: lib/onboarding-status → lib/notifications",
  // A loop of two folders, apart from lib/jobs.
  "no-domain-cycle: lib/customers → lib/integrations",
  "no-domain-cycle: lib/integrations → lib/customers",
];
