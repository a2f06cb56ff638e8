import "server-only";
// The one place the app learns who is calling (issue 20 point 2): the address Onramp's server wrote into
// CLIENT_ADDRESS_HEADER (lib/http/client-address.ts). Not behind that server (e.g. `next start` by hand) the header
// and x-forwarded-for are the client's to write, so neither is believed: every client is the one shared source
// UNKNOWN_SOURCE, which keeps limits safe (stricter for everyone, never looser for a forger), and a warning says so.
import { logger } from "@/lib/log/logger";
import { CLIENT_ADDRESS_HEADER, canonicalAddress, servedByOnrampServer } from "./client-address";

export const UNKNOWN_SOURCE = "unknown";

type RequestHeaders = Headers | Record<string, string | string[] | undefined> | undefined;

/** The calling client's address (canonical text), or UNKNOWN_SOURCE when this process can not know it. */
export function clientAddress(headers: RequestHeaders): string {
  if (!servedByOnrampServer()) {
    if (!globalThis.onrampClientAddressWarned) {
      globalThis.onrampClientAddressWarned = true;
      logger().warn(
        "Onramp is not running behind its own server (npm start, scripts/serve.ts): client addresses are unknown, " +
          "so sign-in limits count every client as one source. Start Onramp with `npm start`.",
      );
    }
    return UNKNOWN_SOURCE;
  }
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return canonicalAddress(Array.isArray(raw) ? raw[0] : (raw ?? undefined)) ?? UNKNOWN_SOURCE;
}
