// Issue 20 items 5, 6 and 8, tried as a hostile client over real HTTP (npm run attack): oversized bodies to every
// route that reads one, declared in Content-Length and chunked (got through: any answer but 413, or the server
// read all 32 MB first); a replay over WEBHOOK_REPLAY_MAX_EVENTS; an archived customer's admin using the session
// they had, and signing in again; next-auth's own pages without frame-ancestors 'none'.
import { db } from "@/lib/db/client";
import { sendOversized } from "@/lib/http/test-support/oversized-body";
import { replayTarget } from "@/lib/webhooks/test-support/replay-target";
import { type AttackStack, type Tally, probeOf } from "../types";

const BYTES = 32 * 1024 * 1024;

async function oversizedBodies(stack: AttackStack): Promise<Tally> {
  const customer = await stack.customer("hostile-input bodies");
  // Every scope these routes need: a chunked body is read only once the token may call the route.
  const token = await stack.vendorToken(["customers:write", "webhooks:manage", "admin-links:create"]);
  const api = { authorization: `Bearer ${token}` };
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const targets: { method: string; path: string; headers: Record<string, string> }[] = [
    { method: "POST", path: "/api/v1/customers", headers: api },
    { method: "PATCH", path: `/api/v1/customers/${customer.id}`, headers: api },
    { method: "PUT", path: `/api/v1/customers/${customer.id}/application`, headers: api },
    { method: "POST", path: `/api/v1/customers/${customer.id}/admin-links`, headers: api },
    { method: "POST", path: "/api/v1/key-imports", headers: api },
    { method: "POST", path: "/api/v1/webhook-endpoints", headers: api },
    { method: "POST", path: `/api/linkedin/callback/${customer.callbackKey}`, headers: {} },
    { method: "POST", path: "/api/auth/callback/credentials", headers: form },
    { method: "POST", path: "/api/auth/signout", headers: form },
    { method: "POST", path: `/api/email/unsubscribe/${"k".repeat(32)}`, headers: form },
  ];
  let tried = 0;
  let gotThrough = 0;
  for (const t of targets)
    for (const chunked of [false, true]) {
      tried += 1;
      const sent = await sendOversized(`${stack.baseUrl}${t.path}`, {
        method: t.method,
        bytes: BYTES,
        chunked,
        headers: t.headers,
      });
      if (sent.status !== 413 || sent.sentAll) gotThrough += 1;
    }
  return { attack: "oversized bodies (Content-Length and chunked) to every body-reading route", tried, gotThrough };
}

async function replayOverCap(stack: AttackStack): Promise<Tally> {
  const max = Number(stack.env.WEBHOOK_REPLAY_MAX_EVENTS ?? 1000);
  const { endpointId, from, to } = await replayTarget(max + 1);
  const token = await stack.vendorToken(["webhooks:manage"]);
  const res = await fetch(`${stack.baseUrl}/api/v1/webhook-endpoints/${endpointId}/replay`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ from: from.toISOString(), to: to.toISOString() }),
  });
  const queued = await db.webhookDelivery.count({ where: { endpointId } });
  return {
    attack: `a replay of ${max + 1} events (over the bound)`,
    tried: 1,
    gotThrough: res.ok || queued > 0 ? 1 : 0,
  };
}

async function archivedAdmin(stack: AttackStack): Promise<Tally> {
  const customer = await stack.customer("hostile-input archived");
  const cookie = await stack.signIn(customer.adminEmail, customer.adminPassword);
  if (!cookie) throw new Error("the probe's customer admin could not sign in before archiving");
  const token = await stack.vendorToken(["customers:write"]);
  const archived = await fetch(`${stack.baseUrl}/api/v1/customers/${customer.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ archived: true }),
  });
  if (!archived.ok) throw new Error(`archiving the probe's customer answered ${archived.status}`);
  const asAdmin = (path: string) => fetch(`${stack.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const attempts = [
    (await asAdmin(`/api/customers/${customer.id}/integrations`)).status === 200,
    (await asAdmin("/integrations")).status === 200,
    (await stack.signIn(customer.adminEmail, customer.adminPassword)) !== null,
  ];
  return {
    attack: "an archived customer's admin: the old session (route, page) and a new sign-in",
    tried: attempts.length,
    gotThrough: attempts.filter(Boolean).length,
  };
}

async function frameableAuthPages(stack: AttackStack): Promise<Tally> {
  const paths = ["/api/auth/signout", "/api/auth/signin", "/api/auth/error", "/sign-in"];
  let gotThrough = 0;
  for (const path of paths) {
    const res = await fetch(`${stack.baseUrl}${path}`, { redirect: "manual" });
    const csp = res.headers.get("content-security-policy") ?? "";
    if (!csp.includes("frame-ancestors 'none'") || res.headers.get("x-content-type-options") !== "nosniff")
      gotThrough += 1;
  }
  return {
    attack: "next-auth's pages and sign-in framable (no frame-ancestors 'none', no nosniff)",
    tried: paths.length,
    gotThrough,
  };
}

export const probe = probeOf("hostile input and ended access", [
  oversizedBodies,
  replayOverCap,
  archivedAdmin,
  frameableAuthPages,
]);
