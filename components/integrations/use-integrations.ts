"use client";
// The integrations page's live data: SWR polling GET /api/customers/{id}/integrations, fast while
// something is still moving (jobs, REQUESTED → PARTNER_READY → ENABLED), slow once everything settled.
import useSWR from "swr";
import { integrationsKey, isSettling, type IntegrationListResponse } from "@/lib/integrations/view";

export const FAST_REFRESH_MS = 2000;
export const SLOW_REFRESH_MS = 15000;

async function fetchIntegrations(url: string): Promise<IntegrationListResponse> {
  const res = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (res.status === 401) throw new Error("Your session has ended. Sign in again to see the latest state.");
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
  }
  return (await res.json()) as IntegrationListResponse;
}

export function useIntegrations(customerId: string, fallbackData: IntegrationListResponse) {
  return useSWR<IntegrationListResponse, Error>(integrationsKey(customerId), fetchIntegrations, {
    fallbackData,
    refreshInterval: (latest) => (latest && isSettling(latest) ? FAST_REFRESH_MS : SLOW_REFRESH_MS),
    revalidateOnFocus: true,
    keepPreviousData: true,
  });
}
