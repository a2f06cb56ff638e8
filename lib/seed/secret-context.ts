// Placeholder until lib/linkedin exports the context builders; see lib/linkedin.
export function applicationSecretContext(applicationId: string): string {
  return `customer-app-secret:${applicationId}`;
}
