// LinkedIn's side of onboarding (C18): the operator moves REQUESTED → PARTNER_READY, the customer
// PARTNER_READY → ENABLED, which is announced by a signed push to the customer's CALLBACK_URL configuration (C16, C19, L18).
import type { Pusher } from "./push";
import { type Integration, type IntegrationTuple, integrationId, type OnboardingStatus } from "./records";
import type { SandboxState } from "./state";

export const CALLBACK_URL_KEY = "CALLBACK_URL";

const NEXT: Record<OnboardingStatus, OnboardingStatus | null> = {
  REQUESTED: "PARTNER_READY",
  PARTNER_READY: "ENABLED",
  ENABLED: null,
};

export function callbackUrlOf(integration: Integration): string | null {
  const value = integration.configurations[CALLBACK_URL_KEY];
  return value && "string" in value ? value.string : null;
}

/**
 * L18: LinkedIn pushes to the customer's one callback URL. The integration's own CALLBACK_URL when it
 * has one, else the application's (L14 puts the key on ONE_CLICK_EXPORT only, yet IN_ATS_INDICATOR,
 * PROFILE_PLUGIN and CSA_API change status too). ASSUMPTION: the most recently configured one wins.
 */
export function pushUrlOf(state: SandboxState, integration: Integration): string | null {
  const own = callbackUrlOf(integration);
  if (own) return own;
  let best: { url: string; at: number } | null = null;
  for (const i of state.integrations.values()) {
    const url = i.clientId === integration.clientId ? callbackUrlOf(i) : null;
    if (url && (!best || i.updatedAt > best.at)) best = { url, at: i.updatedAt };
  }
  return best?.url ?? null;
}

export type MoveResult =
  | {
      ok: true;
      integration: Integration;
      notification: { notificationId: string; requestId: string | null } | null;
      note: string | null;
    }
  | { ok: false; status: number; error: string };

/** Finds the integration by tuple; without clientId the tuple must be unique across applications. */
export function locateIntegration(
  state: SandboxState,
  clientId: string | undefined,
  t: IntegrationTuple,
): Integration | string {
  if (clientId)
    return state.findIntegration(clientId, t) ?? `no integration ${JSON.stringify(t)} for application ${clientId}`;
  const matches = [...state.integrations.values()].filter(
    (i) =>
      i.integrationContext === t.integrationContext &&
      i.integrationType === t.integrationType &&
      i.tenantType === t.tenantType,
  );
  if (matches.length === 1 && matches[0]) return matches[0];
  return matches.length === 0
    ? `no integration ${JSON.stringify(t)}`
    : "several applications have this integration: give clientId";
}

export function moveIntegration(
  state: SandboxState,
  pusher: Pusher,
  integration: Integration,
  status: OnboardingStatus,
  force: boolean,
): MoveResult {
  const from = integration.onboardingStatus;
  if (from === status) return { ok: true, integration, notification: null, note: `already ${status}` };
  if (!force && NEXT[from] !== status)
    return {
      ok: false,
      status: 409,
      error: `LinkedIn moves ${from} only to ${NEXT[from] ?? "nothing"}; pass force: true to jump to ${status}`,
    };
  state.setStatus(integration, status);
  if (status !== "ENABLED") return { ok: true, integration, notification: null, note: null };
  const url = pushUrlOf(state, integration);
  if (!url)
    return {
      ok: true,
      integration,
      notification: null,
      note: "no CALLBACK_URL configuration on this application: no notification sent (C16, L18)",
    };
  const id = integrationId(integration.clientId, integration);
  const sent = pusher.send({
    clientId: integration.clientId,
    url,
    type: "INTEGRATION_STATUS_CHANGE",
    expiresAt: 0,
    integrationIds: [id],
  });
  return {
    ok: true,
    integration,
    notification: { notificationId: sent.notificationId, requestId: sent.firstId },
    note: null,
  };
}

/** Optional shortcut for demos: a named integration with a callback URL becomes PARTNER_READY. */
export function maybeAutoPartnerReady(state: SandboxState, integration: Integration): void {
  if (!state.settings.autoPartnerReady || integration.onboardingStatus !== "REQUESTED") return;
  if (integration.integrationName && pushUrlOf(state, integration)) state.setStatus(integration, "PARTNER_READY");
}
