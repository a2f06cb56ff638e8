// LinkedIn's memory, as far as the sandbox plays it: applications, tokens, integrations, the ids that
// notifications resolve to (C19), and the logs tests inspect. Optionally persisted to a JSON file.
// The shapes live in records.ts, logs.ts and settings.ts.

import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { DailyUsage } from "./daily-limits";
import type { FaultRule } from "./faults";
import {
  type CallRecord,
  type NotificationAttempt,
  pushCapped,
  type Rejection,
  type SandboxCounters,
  type SpacingViolation,
  ZERO_COUNTERS,
} from "./logs";
import {
  type AccessToken,
  type Application,
  type ExportRequest,
  firstApplicationNumber,
  type Integration,
  type IntegrationTuple,
  integrationId,
  newClientId,
  newSecret,
  newToken,
  type OnboardingStatus,
  type StatusRequest,
} from "./records";
import type { SandboxSettings } from "./settings";

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
    const app: Application = {
      clientId: input.clientId ?? newClientId(),
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
      token: newToken(),
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

  /** L18, L27: `integrationContext` names the customer the export belongs to (null: left out of the answer). */
  registerExport(requestId: string, clientId: string, integrationContext: string | null): void {
    const n = this.exports.size + 1;
    this.exports.set(requestId, {
      clientId,
      elements: [
        {
          ...(integrationContext === null ? {} : { integrationContext }),
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
