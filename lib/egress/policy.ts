// What the egress allows (issue 20, point 1): by default, https to public internet addresses only. The one
// development setting, OUTBOUND_ALLOW_PRIVATE_NETWORK, also allows plain http and private, loopback and
// link-local targets (a receiver on this machine). Off unless set, in every environment; `npm run demo` and the
// test harnesses set it. Tests pass a policy of their own instead of changing the environment.
import { env } from "@/lib/env";

export type OutboundPolicy = { allowPrivateNetwork: boolean };

export function outboundPolicy(): OutboundPolicy {
  return { allowPrivateNetwork: env().OUTBOUND_ALLOW_PRIVATE_NETWORK };
}

/** The console's notice while the development setting is on (app/console/layout.tsx). */
export const PRIVATE_NETWORK_NOTICE =
  "Outbound requests may reach private addresses (development setting). Webhooks can be sent over plain http and to this machine or its network; turn OUTBOUND_ALLOW_PRIVATE_NETWORK off in production.";
