import "server-only";
// Vetting a user-set URL (issue 20, point 1): its text (target.ts), then every address its host resolves to.
// One non-public address refuses the whole URL, so a name that answers both a public and a private address
// cannot be used to reach the private one. The addresses vetted here are the only ones the connection may use
// (request.ts pins them): no second look-up, so DNS that changes its answer (rebinding) changes nothing.
import { isIPv6 } from "node:net";
import { classifyAddress } from "./address";
import type { OutboundPolicy } from "./policy";
import type { ResolvedAddress, Resolver } from "./resolve";
import { checkUrlText, privateNetworkReason, type Refusal, type UrlTarget } from "./target";

export type VettedTarget = UrlTarget & { addresses: readonly ResolvedAddress[] };
export type Vetting = { target: VettedTarget } | { refused: Refusal } | { unresolved: string };
export type EgressDeps = { policy: OutboundPolicy; resolve: Resolver };

/** Thrown into a wait cut short by the deadline. */
export class DeadlineReached extends Error {
  constructor() {
    super("The time allowed ran out.");
    this.name = "DeadlineReached";
  }
}

function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DeadlineReached());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlineReached());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

async function addressesOf(
  host: string,
  deps: EgressDeps,
  signal: AbortSignal,
): Promise<ResolvedAddress[] | { unresolved: string }> {
  try {
    const found = await beforeDeadline(deps.resolve(host), signal);
    return found.length > 0 ? found : { unresolved: `The host ${host} has no address.` };
  } catch (e) {
    if (e instanceof DeadlineReached) return { unresolved: `The host ${host} could not be looked up in time.` };
    const code = e instanceof Error && "code" in e && typeof e.code === "string" ? ` (${e.code})` : "";
    return { unresolved: `The host ${host} could not be found${code}.` };
  }
}

export async function vetUrl(raw: string, deps: EgressDeps, signal: AbortSignal): Promise<Vetting> {
  const checked = checkUrlText(raw, deps.policy);
  if ("refused" in checked) return checked;
  const { target } = checked;
  const addresses: ResolvedAddress[] | { unresolved: string } = target.literal
    ? [{ address: target.host, family: isIPv6(target.host) ? 6 : 4 }]
    : await addressesOf(target.host, deps, signal);
  if (!Array.isArray(addresses)) return addresses;
  if (!deps.policy.allowPrivateNetwork) {
    for (const { address } of addresses) {
      const verdict = classifyAddress(address);
      if (!verdict.public)
        return {
          refused: {
            reason: privateNetworkReason(`${target.host} resolves to ${address}, ${verdict.description}`),
            permanent: target.literal,
          },
        };
    }
  }
  return { target: { ...target, addresses } };
}
