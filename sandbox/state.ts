// LinkedIn's memory, as far as the sandbox plays it: applications, tokens, integrations, the ids that
// notifications resolve to (C19), and the logs tests inspect. Optionally persisted to a JSON file.

import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { DailyUsage, L17_DAILY_LIMITS } from "./daily-limits";
import type { FaultRule } from "./faults";

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

export interface CallRecord {
  at: number;
  method: string;
  path: string;
  endpoint: string;
  clientId: string | null;
  status: number;
  entityCount: number | null;
  fault: boolean;
  reason: string | null;
  durationMs: number;
}

export interface Rejection {
  at: number;
  endpoint: string;
  clientId: string | null;
  status: number;
  reason: string;
}

export interface SpacingViolation {
  at: number;
  clientId: string;
  sinceLastMs: number;
  requiredMs: number;
}

export interface NotificationAttempt {
  notificationId: string;
  id: string | null;
  type: string;
  clientId: string;
  url: string;
  attempt: number;
  status: number | null;
  error: string | null;
  outcome: "delivered" | "will_retry" | "dropped" | "suppressed";
  signature: string | null;
  body: string;
  at: number;
}

/**
 * Running totals that stay exact however long a run is (the logs above keep only their last entries):
 * what the chaos run (chaos/run.ts, issue 11) reads at its end.
 */
export interface SandboxCounters {
  /** v2/atsIntegrations calls (names, configurations, look-ups) that carried a live token. */
  pacedCalls: number;
  /** Of those, calls that arrived less than batchSpacingMs after the previous one of the same application. */
  pacedSpacingViolations: number;
  /** Push deliveries tried (each retry counts), answered 200, and logical pushes dropped after the last retry. */
  pushAttempts: number;
  pushesAnswered200: number;
  pushesDropped: number;
}

const ZERO_COUNTERS: SandboxCounters = {
  pacedCalls: 0,
  pacedSpacingViolations: 0,
  pushAttempts: 0,
  pushesAnswered200: 0,
  pushesDropped: 0,
};

export interface SandboxSettings {
  /** Delay between push retries (C23: 300 s at LinkedIn). */
  retryDelayMs: number;
  /** Retries after the first attempt (C23: five). */
  maxRetries: number;
  /**
   * Minimum spacing between batch_partial_update calls of one application (C13); enforced (429) there, and
   * counted (not refused) between any two v2/atsIntegrations calls of one application (C30, L17).
   */
  batchSpacingMs: number;
  /** Most entities in one batch_partial_update (C13). */
  maxBatchEntities: number;
  /** Access token lifetime (L1: 30 minutes). */
  tokenTtlSeconds: number;
  /** How the token answer writes expires_in (L1: the docs' sample a string "1800", the SDK's fixture a number). */
  expiresInAs: "string" | "number";
  /** Which secret signs pushes once an application has two (L7 does not say; ASSUMPTION). */
  signPushesWith: "current" | "previous";
  /** Allow http/https callback URLs on loopback hosts, any port (demo and tests only; C21 wants https 80/443). */
  allowInsecureCallbacks: boolean;
  /** Move REQUESTED → PARTNER_READY once an integration has a name and a CALLBACK_URL configuration. */
  autoPartnerReady: boolean;
  /** Record pushes but never send them, so the fallback poll (C28) must find the change. */
  dropNotifications: boolean;
  /** How the C19b lookup spells result keys: "answer" (reordered, URL-encoded) or "documented" (seed sample). */
  lookupKeyStyle: "answer" | "documented";
  /** Configuration keys each integration type accepts (L14 by default); other keys are refused per key. */
  configurationKeys: Record<string, string[]>;
  /** Integration types batch_partial_update accepts (L13 by default); others are refused per entity. */
  integrationTypes: string[];
  /** Calls a day per application and resource (L17: 5,000 on v2/atsIntegrations, 100,000 on exportedCandidates). */
  dailyLimits: Record<string, number>;
}

/** L14: CALLBACK_URL and JOB_POSTING_VIEWERS on ONE_CLICK_EXPORT, APPLICATION_VIEWERS on IN_ATS_INDICATOR. */
export const L14_CONFIGURATION_KEYS: Record<string, string[]> = {
  ONE_CLICK_EXPORT: ["CALLBACK_URL", "JOB_POSTING_VIEWERS"],
  IN_ATS_INDICATOR: ["APPLICATION_VIEWERS"],
};

/** L13: the integration types LinkedIn documents. */
export const L13_INTEGRATION_TYPES = [
  "CSA_API",
  "ONE_CLICK_EXPORT",
  "IN_ATS_INDICATOR",
  "PROFILE_PLUGIN",
  "RECOMMENDED_MATCHES",
  "UNIFIED_SEARCH",
  "APPLY_CONNECT",
  "APPLY_WITH_LINKEDIN",
];

export const DEFAULT_SETTINGS: SandboxSettings = {
  retryDelayMs: 300_000,
  maxRetries: 5,
  batchSpacingMs: 1000,
  maxBatchEntities: 100,
  tokenTtlSeconds: 1800,
  expiresInAs: "string",
  signPushesWith: "current",
  allowInsecureCallbacks: false,
  autoPartnerReady: false,
  dropNotifications: false,
  lookupKeyStyle: "answer",
  configurationKeys: L14_CONFIGURATION_KEYS,
  integrationTypes: L13_INTEGRATION_TYPES,
  dailyLimits: L17_DAILY_LIMITS,
};

const LOG_LIMIT = 5000;

function pushCapped<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > LOG_LIMIT) list.splice(0, list.length - LOG_LIMIT);
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

function firstApplicationNumber(): number {
  return randomInt(1_000_000, 1_000_000_000);
}

/** A new client secret (L4: up to 256 characters; LinkedIn's are 16). */
export function newSecret(): string {
  return randomFrom(ALNUM, 16);
}

interface PersistedState {
  applications: Application[];
  tokens: AccessToken[];
  integrations: Integration[];
  requests: StatusRequest[];
}

export interface StateOptions {
  parentClientId: string;
  parentClientSecret: string;
  settings: SandboxSettings;
  stateFile?: string;
}

export class SandboxState {
  applications = new Map<string, Application>();
  tokens = new Map<string, AccessToken>();
  integrations = new Map<string, Integration>();
  requests = new Map<string, StatusRequest>();
  /** Export push ids → the exported candidates (L18), for GET /v2/exportedCandidates?q=request. */
  exports = new Map<string, ExportRequest>();
  lastBatchAt = new Map<string, number>();
  /** Arrival of each application's last v2/atsIntegrations call, of any kind (C30). */
  lastPacedAt = new Map<string, number>();
  counters: SandboxCounters = { ...ZERO_COUNTERS };
  calls: CallRecord[] = [];
  rejections: Rejection[] = [];
  spacingViolations: SpacingViolation[] = [];
  notifications: NotificationAttempt[] = [];
  faults: FaultRule[] = [];
  /** Today's calls per application and resource, against settings.dailyLimits (L17). */
  dailyUsage = new DailyUsage();
  settings: SandboxSettings;
  /** n of the last "urn:li:developerApplication:{n}" handed out; starts anywhere, as URNs are LinkedIn-wide. */
  lastApplicationNumber = firstApplicationNumber();

  constructor(private readonly options: StateOptions) {
    this.settings = { ...options.settings };
    this.seedParent();
    this.load();
  }

  private seedParent(): void {
    this.putApplication({
      clientId: this.options.parentClientId,
      clientSecret: this.options.parentClientSecret,
      kind: "parent",
      createdBy: "start",
    });
  }

  putApplication(input: {
    clientId?: string;
    clientSecret?: string;
    kind: Application["kind"];
    createdBy: Application["createdBy"];
    uniqueForeignId?: string | null;
    name?: string | null;
    description?: string | null;
    validJsSdkDomains?: string[];
    oauth2AuthorizedCallbackUrls?: string[];
  }): Application {
    // LinkedIn client ids look like "78abcd1234efgh" (14 lowercase alphanumerics); secrets are 16 characters.
    const app: Application = {
      clientId: input.clientId ?? `78${randomFrom(ALNUM_LOWER, 12)}`,
      clientSecret: input.clientSecret ?? newSecret(),
      previousSecret: null,
      urn: `urn:li:developerApplication:${++this.lastApplicationNumber}`,
      kind: input.kind,
      uniqueForeignId: input.uniqueForeignId ?? null,
      name: input.name ?? null,
      description: input.description ?? null,
      validJsSdkDomains: input.validJsSdkDomains ?? [],
      oauth2AuthorizedCallbackUrls: input.oauth2AuthorizedCallbackUrls ?? [],
      createdBy: input.createdBy,
      createdAt: Date.now(),
    };
    this.applications.set(app.clientId, app);
    return app;
  }

  byUrn(urn: string): Application | null {
    for (const app of this.applications.values()) if (app.urn === urn) return app;
    return null;
  }

  customerApplication(clientId: string): Application | null {
    const app = this.applications.get(clientId);
    return app && app.kind === "customer" ? app : null;
  }

  issueToken(clientId: string): AccessToken {
    const now = Date.now();
    const token: AccessToken = {
      token: `AQ${randomFrom(ALNUM, 40)}`,
      clientId,
      issuedAt: now,
      expiresAt: now + this.settings.tokenTtlSeconds * 1000,
      revoked: false,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  findIntegration(clientId: string, t: IntegrationTuple): Integration | null {
    return this.integrations.get(integrationId(clientId, t)) ?? null;
  }

  /** The customer authorized a tuple in the widget (C7). Idempotent: a known tuple keeps its state. */
  authorizeIntegration(clientId: string, t: IntegrationTuple): Integration {
    const existing = this.findIntegration(clientId, t);
    if (existing) return existing;
    const now = Date.now();
    const integration: Integration = {
      clientId,
      integrationContext: t.integrationContext,
      integrationType: t.integrationType,
      tenantType: t.tenantType,
      dataProvider: "ATS",
      integrationName: null,
      onboardingStatus: "REQUESTED",
      configurations: {},
      statusHistory: [{ status: "REQUESTED", at: now }],
      createdAt: now,
      updatedAt: now,
    };
    this.integrations.set(integrationId(clientId, t), integration);
    return integration;
  }

  setStatus(integration: Integration, status: OnboardingStatus): void {
    const now = Date.now();
    integration.onboardingStatus = status;
    integration.statusHistory.push({ status, at: now });
    integration.updatedAt = now;
  }

  createRequest(clientId: string, integrationIds: string[]): StatusRequest {
    const request: StatusRequest = { requestId: randomUUID(), clientId, integrationIds, createdAt: Date.now() };
    this.requests.set(request.requestId, request);
    return request;
  }

  registerExport(requestId: string, clientId: string): void {
    const n = this.exports.size + 1;
    this.exports.set(requestId, {
      clientId,
      elements: [
        {
          candidate: { firstName: "Ada", lastName: `Candidate ${n}`, emailAddress: `ada.${n}@candidates.example` },
          recruiter: `urn:li:person:recruiter${n}`,
          exportedAt: Date.now(),
        },
      ],
    });
  }

  registerRequestId(requestId: string, clientId: string, integrationIds: string[]): void {
    this.requests.set(requestId, { requestId, clientId, integrationIds, createdAt: Date.now() });
  }

  recordCall(call: CallRecord): void {
    pushCapped(this.calls, call);
  }

  recordRejection(rejection: Rejection): void {
    pushCapped(this.rejections, rejection);
  }

  recordSpacingViolation(v: SpacingViolation): void {
    pushCapped(this.spacingViolations, v);
  }

  recordNotification(attempt: NotificationAttempt): void {
    pushCapped(this.notifications, attempt);
    if (attempt.outcome === "suppressed") return;
    this.counters.pushAttempts += 1;
    if (attempt.outcome === "delivered") this.counters.pushesAnswered200 += 1;
    if (attempt.outcome === "dropped") this.counters.pushesDropped += 1;
  }

  /** A v2/atsIntegrations call of `clientId` arrived at `at`: counted against the spacing of all its calls (C30). */
  notePacedArrival(clientId: string, at: number): void {
    const last = this.lastPacedAt.get(clientId);
    this.lastPacedAt.set(clientId, at);
    this.counters.pacedCalls += 1;
    if (last !== undefined && at - last < this.settings.batchSpacingMs) this.counters.pacedSpacingViolations += 1;
  }

  reset(): void {
    this.applications.clear();
    this.tokens.clear();
    this.integrations.clear();
    this.requests.clear();
    this.exports.clear();
    this.lastBatchAt.clear();
    this.lastPacedAt.clear();
    this.counters = { ...ZERO_COUNTERS };
    this.calls = [];
    this.rejections = [];
    this.spacingViolations = [];
    this.notifications = [];
    this.faults = [];
    this.dailyUsage.clear();
    this.settings = { ...this.options.settings };
    this.lastApplicationNumber = firstApplicationNumber();
    this.seedParent();
    this.save();
  }

  /** What `GET /_sandbox/state` answers: secrets included, it is a test double. */
  snapshot() {
    return {
      settings: this.settings,
      applications: [...this.applications.values()],
      integrations: [...this.integrations.values()],
      requests: [...this.requests.values()],
      tokens: [...this.tokens.values()].map((t) => ({
        clientId: t.clientId,
        tokenPrefix: t.token.slice(0, 8),
        issuedAt: t.issuedAt,
        expiresAt: t.expiresAt,
        revoked: t.revoked,
      })),
    };
  }

  save(): void {
    const file = this.options.stateFile;
    if (!file) return;
    const data: PersistedState = {
      applications: [...this.applications.values()],
      tokens: [...this.tokens.values()],
      integrations: [...this.integrations.values()],
      requests: [...this.requests.values()],
    };
    writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
    renameSync(`${file}.tmp`, file);
  }

  private load(): void {
    const file = this.options.stateFile;
    if (!file || !existsSync(file)) return;
    const data = JSON.parse(readFileSync(file, "utf8")) as PersistedState;
    for (const app of data.applications) {
      if (app.kind !== "customer") continue;
      this.applications.set(app.clientId, app);
      this.lastApplicationNumber = Math.max(this.lastApplicationNumber, Number(app.urn.split(":").pop()) || 0);
    }
    for (const t of data.tokens) this.tokens.set(t.token, t);
    for (const i of data.integrations) this.integrations.set(integrationId(i.clientId, i), i);
    for (const r of data.requests) this.requests.set(r.requestId, r);
  }
}
