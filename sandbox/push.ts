// LinkedIn's push notifications (C19–C24): signed POSTs to a customer's callback URL; anything but 200
// is retried at most `maxRetries` times, `retryDelayMs` apart, each retry with a new id, then dropped.
import { createHmac, randomUUID } from "node:crypto";
import type { SandboxState } from "./state";

export interface PushSpec {
  clientId: string;
  url: string;
  type: string;
  /** Epoch ms; 0 as LinkedIn sends for INTEGRATION_STATUS_CHANGE; null leaves the field out (C22). */
  expiresAt: number | null;
  /** Integrations each new id resolves to through q=request (C19, C24); null for other types. */
  integrationIds: string[] | null;
  /** Send exactly this body (tests of the portal's 400 answer); ids are then not generated. */
  rawBody?: string;
  /** Sign with a wrong key (tests of the portal's signature check, C20). */
  badSignature?: boolean;
  /** L27: the integrationContext an export push's id resolves with (null: none in the answer). */
  exportContext?: string | null;
}

/** `X-LI-Signature`: hex HMAC-SHA256, key = application secret, message = "hmacsha256=" + raw body (C20). */
export function signPush(secret: string, body: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.from(`hmacsha256=${body}`, "utf8"))
    .digest("hex");
}

export class Pusher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly aborts = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly state: SandboxState,
    private readonly timeoutMs: number,
  ) {}

  /** Starts delivery; answers the logical notification id and the first wire id. */
  send(spec: PushSpec): { notificationId: string; firstId: string | null } {
    const notificationId = randomUUID();
    const firstId = this.attempt(notificationId, spec, 1);
    return { notificationId, firstId };
  }

  private attempt(notificationId: string, spec: PushSpec, attempt: number): string | null {
    const id = spec.rawBody === undefined ? `${randomUUID()}-${attempt}` : null;
    if (id && spec.integrationIds) this.state.registerRequestId(id, spec.clientId, spec.integrationIds);
    // L18: an export push's id resolves through GET /v2/exportedCandidates?q=request.
    if (id && spec.type === "EXPORT_CANDIDATE_PROFILE")
      this.state.registerExport(id, spec.clientId, spec.exportContext ?? null);
    const body =
      spec.rawBody ??
      JSON.stringify(
        spec.expiresAt === null ? { id, type: spec.type } : { id, type: spec.type, expiresAt: spec.expiresAt },
      );
    const app = this.state.applications.get(spec.clientId);
    // L7: which of two secrets signs pushes is not documented: a setting (ASSUMPTION).
    const signing =
      app && this.state.settings.signPushesWith === "previous" && app.previousSecret
        ? app.previousSecret
        : app?.clientSecret;
    const secret = spec.badSignature || !signing ? `not-${signing ?? "a-secret"}` : signing;
    const signature = signPush(secret, body);
    const base = {
      notificationId,
      id,
      type: spec.type,
      clientId: spec.clientId,
      url: spec.url,
      attempt,
      signature,
      body,
    };
    if (this.state.settings.dropNotifications) {
      this.state.recordNotification({
        ...base,
        status: null,
        error: "dropNotifications is on",
        outcome: "suppressed",
        at: Date.now(),
      });
      return id;
    }
    this.state.save();
    void this.deliver(spec, body, signature).then(({ status, error }) => {
      if (this.closed) return;
      const delivered = status === 200;
      const retry = !delivered && attempt <= this.state.settings.maxRetries;
      const outcome = delivered ? "delivered" : retry ? "will_retry" : "dropped";
      this.state.recordNotification({ ...base, status, error, outcome, at: Date.now() });
      if (retry) this.schedule(() => this.attempt(notificationId, spec, attempt + 1));
    });
    return id;
  }

  private async deliver(
    spec: PushSpec,
    body: string,
    signature: string,
  ): Promise<{ status: number | null; error: string | null }> {
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      const res = await fetch(spec.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-LI-Signature": signature },
        body,
        redirect: "manual",
        signal: abort.signal,
      });
      await res.arrayBuffer();
      return { status: res.status, error: null };
    } catch (err) {
      // A refused connection or timeout is a failed attempt, retried like any non-200 (C23).
      return { status: null, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
  }

  private schedule(fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) fn();
    }, this.state.settings.retryDelayMs);
    this.timers.add(timer);
  }

  /** Cancels pending retries (reset keeps the pusher usable). */
  cancelPending(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  close(): void {
    this.closed = true;
    this.cancelPending();
    for (const a of this.aborts) a.abort();
  }
}
