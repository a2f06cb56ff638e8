// Each customer's own callback URL (C21): where LinkedIn sends that customer's pushes, one per customer, never
// shared, built from PUBLIC_URL and the customer's callback key (made by lib/customers/callback-url.ts). Here,
// below every domain, because both the customer's page and the configuration sync (C16) tell it. Pure.

export function callbackUrlFor(publicUrl: string, callbackKey: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/api/linkedin/callback/${callbackKey}`;
}
