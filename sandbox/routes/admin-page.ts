// GET /_sandbox/ — a plain page for people running the demo: applications, integrations, and buttons
// that play LinkedIn's operator (→ PARTNER_READY) and the customer in LinkedIn's product (→ ENABLED).
// Forms only (no script), so it works under any CSP.
import type { Reply, RequestContext } from "../http-io";
import { callbackUrlOf, locateIntegration, moveIntegration } from "../onboarding";
import type { Runtime } from "../runtime";
import { ONBOARDING_STATUSES, type Integration, type OnboardingStatus } from "../records";

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function moveForm(i: Integration, status: OnboardingStatus, label: string): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${esc(value)}">`;
  return `<form method="post" action="/_sandbox/ui/move">${hidden("clientId", i.clientId)}${hidden("integrationContext", i.integrationContext)}${hidden(
    "integrationType",
    i.integrationType,
  )}${hidden("tenantType", i.tenantType)}${hidden("status", status)}<button type="submit">${esc(label)}</button></form>`;
}

export function renderAdminPage(rt: Runtime, flash: string | null): Reply {
  const { state } = rt;
  const rows = [...state.integrations.values()]
    .map((i) => {
      const actions = [
        i.onboardingStatus === "REQUESTED" ? moveForm(i, "PARTNER_READY", "Mark partner ready") : "",
        i.onboardingStatus === "PARTNER_READY" ? moveForm(i, "ENABLED", "Enable (as the customer)") : "",
      ].join("");
      return `<tr><td>${esc(i.clientId)}</td><td>${esc(i.integrationContext)}</td><td>${esc(i.integrationType)}</td><td>${esc(
        i.tenantType,
      )}</td><td>${esc(i.integrationName ?? "—")}</td><td>${esc(callbackUrlOf(i) ?? "—")}</td><td>${i.onboardingStatus}</td><td>${actions}</td></tr>`;
    })
    .join("\n");
  const apps = [...state.applications.values()]
    .map(
      (a) =>
        `<tr><td>${esc(a.clientId)}</td><td>${a.kind}</td><td>${esc(a.name ?? "—")}</td><td>${esc(a.uniqueForeignId ?? "—")}</td></tr>`,
    )
    .join("\n");
  const text = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LinkedIn sandbox</title></head><body>
<h1>LinkedIn sandbox</h1>
${flash ? `<p role="status">${esc(flash)}</p>` : ""}
<h2>Applications</h2>
<table border="1"><thead><tr><th>Client id</th><th>Kind</th><th>Name</th><th>uniqueForeignId</th></tr></thead><tbody>${apps}</tbody></table>
<h2>Integrations</h2>
<table border="1"><thead><tr><th>Client id</th><th>Context</th><th>Type</th><th>Tenant</th><th>Name</th><th>CALLBACK_URL</th><th>Status</th><th>LinkedIn's side</th></tr></thead>
<tbody>${rows || '<tr><td colspan="8">No integrations yet: authorize one in the portal\'s widget.</td></tr>'}</tbody></table>
<p>Settings: <code>${esc(JSON.stringify(state.settings))}</code></p>
</body></html>`;
  return { status: 200, text, contentType: "text/html; charset=utf-8" };
}

/** POST /_sandbox/ui/move (form-encoded) → 303 back to the page with what happened. */
export async function handleUiMove(ctx: RequestContext, rt: Runtime): Promise<Reply> {
  const form = new URLSearchParams((await ctx.body()).toString("utf8"));
  const status = form.get("status") as OnboardingStatus | null;
  const tuple = {
    integrationContext: form.get("integrationContext") ?? "",
    integrationType: form.get("integrationType") ?? "",
    tenantType: form.get("tenantType") ?? "",
  };
  let flash: string;
  const found = locateIntegration(rt.state, form.get("clientId") ?? undefined, tuple);
  if (typeof found === "string") flash = found;
  else if (!status || !ONBOARDING_STATUSES.includes(status)) flash = `unknown status ${status ?? ""}`;
  else {
    const result = moveIntegration(rt.state, rt.pusher, found, status, false);
    flash = result.ok
      ? `${tuple.integrationType} for ${tuple.integrationContext} is now ${status}. ${result.note ?? (result.notification ? "Notification sent." : "")}`
      : result.error;
  }
  return { status: 303, headers: { Location: `/_sandbox/?flash=${encodeURIComponent(flash)}` } };
}
