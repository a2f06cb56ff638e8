// What LinkedIn keeps about applications, integrations, tokens and the ids notifications resolve to (C19),
// as the sandbox plays it: the shapes SandboxState (state.ts) holds and persists.

import { randomBytes, randomInt } from "node:crypto";

export const ONBOARDING_STATUSES = ["REQUESTED", "PARTNER_READY", "ENABLED"] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

export interface IntegrationTuple {
  integrationContext: string;
  integrationType: string;
  tenantType: string;
}

/** Rest.li union of a configuration value: `{"string": "..."}` and its siblings. */
export type ConfigurationValue = { string: string } | { boolean: boolean } | { int: number } | { long: number };

export interface Application {
  clientId: string;
  /** The newest secret. */
  clientSecret: string;
  /** The secret before the last roll: L7 keeps both valid until one is deleted (at most two). */
  previousSecret: string | null;
  /** "urn:li:developerApplication:{n}" (L4): the key of every later call about the application. */
  urn: string;
  kind: "parent" | "customer";
  uniqueForeignId: string | null;
  name: string | null;
  description: string | null;
  /** L3, L9: origins allowed to load the plugin with this API key. */
  validJsSdkDomains: string[];
  oauth2AuthorizedCallbackUrls: string[];
  createdBy: "provisioning" | "admin" | "start";
  createdAt: number;
}

export interface Integration extends IntegrationTuple {
  clientId: string;
  dataProvider: "ATS";
  integrationName: string | null;
  onboardingStatus: OnboardingStatus;
  configurations: Record<string, ConfigurationValue>;
  statusHistory: { status: OnboardingStatus; at: number }[];
  createdAt: number;
  updatedAt: number;
}

export interface AccessToken {
  token: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

/** What a notification id resolves to through `q=request` (C19, C24). */
/** What an EXPORT_CANDIDATE_PROFILE push's id resolves to (L18; the element shape is ASSUMPTION). */
export interface ExportRequest {
  clientId: string;
  elements: {
    /**
     * L27: the answer names the customer's integration context; the ATS checks it against the callback URL the
     * push went to. ASSUMPTION: it is a field of each element (L27 says "the answer carries" it, not where).
     */
    integrationContext?: string;
    candidate: { firstName: string; lastName: string; emailAddress: string };
    recruiter: string;
    exportedAt: number;
  }[];
}

export interface StatusRequest {
  requestId: string;
  clientId: string;
  integrationIds: string[];
  createdAt: number;
}

export function integrationId(clientId: string, t: IntegrationTuple): string {
  return JSON.stringify([clientId, t.integrationContext, t.integrationType, t.tenantType]);
}

const ALNUM_LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALNUM = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${ALNUM_LOWER}`;

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** LinkedIn client ids look like "78abcd1234efgh" (14 lowercase alphanumerics). */
export function newClientId(): string {
  return `78${randomFrom(ALNUM_LOWER, 12)}`;
}

/** An access token (L1). */
export function newToken(): string {
  return `AQ${randomFrom(ALNUM, 40)}`;
}

/** n of the first "urn:li:developerApplication:{n}": starts anywhere, as URNs are LinkedIn-wide. */
export function firstApplicationNumber(): number {
  return randomInt(1_000_000, 1_000_000_000);
}

/** A new client secret (L4: up to 256 characters; LinkedIn's are 16). */
export function newSecret(): string {
  return randomFrom(ALNUM, 16);
}
