// Least privilege for jobs (issue 20, point 4): the ONE table of who may start, retry and cancel each job kind
// by hand. Every person's way to a job asks it: the start functions (assertMayStartJob), the retry
// (server/retry.ts), the pages that offer a Retry button (mayOperateJob). Jobs that follow from a change
// (a rename queues SYNC_NAMES, a push PROCESS_NOTIFICATION, a new PUBLIC_URL SYNC_APP_DOMAINS) are that change's
// consequence and pass that change's own rule; the system's own starts (schedules, the reconcile pass) are not
// a person's. The authorization matrix (test/authorization) checks this table against the real entry points.
// Pure: pages and tests import it.
import type { ApiCaller } from "@/lib/api-tokens/authenticate";
import type { ApiScope } from "@/lib/api-tokens/scopes";
import type { Actor } from "@/lib/auth/actor";
import { Role } from "@/lib/auth/roles";
import type { JobKind } from "@/lib/db/enums";
import { SafeError } from "@/lib/errors/safe-error";

export type JobOperation = "start" | "retry" | "cancel";

export type JobRule = {
  /** What a person calls this job, in the refusal they read. */
  noun: string;
  /** Who may ask for this job by itself (a button or API call whose purpose is to queue it). */
  start: readonly Role[];
  /** The vendor API scope whose tokens may start it; absent: not startable over /api/v1. */
  startScope?: ApiScope;
  retry: readonly Role[];
  /** No one cancels a job by hand today (there is no such action); one added later must ask this column. */
  cancel: readonly Role[];
  /** Why operators only, said in the refusal; absent where staff may. */
  operatorsBecause?: string;
};

const STAFF = [Role.OPERATOR, Role.SUPPORT] as const;
const OPERATORS = [Role.OPERATOR] as const;
const NOBODY = [] as const;

export const JOB_RULES: Record<JobKind, JobRule> = {
  // Queued by the widget, renames and the reconcile pass; support re-runs a failed one.
  SYNC_NAMES: { noun: "sync names", start: NOBODY, retry: STAFF, cancel: NOBODY },
  // Console → customer settings → "Re-sync configurations"; also follows from configuration changes.
  SYNC_CONFIGURATIONS: { noun: "sync configurations", start: OPERATORS, retry: STAFF, cancel: NOBODY },
  // Support retries or replays a stored notification; LinkedIn's push queues the first run.
  PROCESS_NOTIFICATION: { noun: "process notification", start: STAFF, retry: STAFF, cancel: NOBODY },
  // Staff poll one customer; a customer admin asks about their own integrations ("Check with LinkedIn now").
  POLL_STATUS: { noun: "poll status", start: [...STAFF, Role.CUSTOMER_ADMIN], retry: STAFF, cancel: NOBODY },
  RECHECK_STATUS: { noun: "recheck status", start: STAFF, retry: STAFF, cancel: NOBODY },
  PROVISION_APPLICATION: {
    noun: "provisioning",
    start: OPERATORS,
    startScope: "customers:write",
    retry: OPERATORS,
    cancel: NOBODY,
    operatorsBecause: "it creates the customer's LinkedIn application",
  },
  SYNC_APP_DOMAINS: {
    noun: "JavaScript SDK domains sync",
    start: OPERATORS,
    retry: OPERATORS,
    cancel: NOBODY,
    operatorsBecause: "it changes every provisioned LinkedIn application",
  },
  ROTATE_SECRETS: {
    noun: "bulk secret rotation",
    start: OPERATORS,
    retry: OPERATORS,
    cancel: NOBODY,
    operatorsBecause: "it rolls customers' LinkedIn secrets",
  },
  IMPORT_APPLICATION_KEYS: {
    noun: "key import",
    start: OPERATORS,
    startScope: "customers:write",
    retry: OPERATORS,
    cancel: NOBODY,
    operatorsBecause: "it stores customers' LinkedIn keys",
  },
};

/** Whether a person of `role` may do `op` to a job of `kind` (pages use it to offer the button at all). */
export function mayOperateJob(role: Role, kind: JobKind, op: JobOperation): boolean {
  return JOB_RULES[kind][op].includes(role);
}

/** The kinds a role may do `op` to, for a page's list of buttons. */
export function jobKindsFor(role: Role, op: JobOperation): JobKind[] {
  return (Object.keys(JOB_RULES) as JobKind[]).filter((kind) => mayOperateJob(role, kind, op));
}

function refusal(kind: JobKind, op: JobOperation): SafeError {
  const rule = JOB_RULES[kind];
  if (rule[op].length === 1 && rule[op][0] === Role.OPERATOR)
    return new SafeError(
      "forbidden",
      `Only an operator can ${op} a ${rule.noun} job${rule.operatorsBecause ? `: ${rule.operatorsBecause}` : ""}.`,
    );
  return new SafeError("forbidden", `Your role does not allow you to ${op} a ${rule.noun} job.`);
}

/** For a person's retry or cancel: refuses what the table does not give their role. */
export function assertMayOperateJob(actor: Actor, kind: JobKind, op: Exclude<JobOperation, "start">): void {
  if (!mayOperateJob(actor.role, kind, op)) throw refusal(kind, op);
}

/** Who asks for a job: a person, a vendor API token (with its scopes), or the system itself. */
export type JobRequester = Actor | ApiCaller | { system: string };

/** For every start function a person or a token reaches: refuses what the table does not give them. */
export function assertMayStartJob(by: JobRequester, kind: JobKind): void {
  if ("system" in by) return;
  if ("apiTokenId" in by) {
    const scope = JOB_RULES[kind].startScope;
    if (!scope || !by.scopes.includes(scope))
      throw new SafeError("forbidden", `This token may not start a ${JOB_RULES[kind].noun} job.`);
    return;
  }
  if (!mayOperateJob(by.role, kind, "start")) throw refusal(kind, "start");
}
