// A tuple's CALLBACK_URL (C16) written into the sandbox as Onramp's configuration sync writes it: a token by the
// application's client credentials, then the batch_update PUT. For tests that need LinkedIn to know where to push
// without running the sync (lib/notifications/process.db.test.ts, e2e/notifications-support.ts).

export type SandboxCredentials = { clientId: string; clientSecret: string };
export type SandboxTuple = { integrationContext: string; integrationType: string; tenantType: string };

export async function configureSandboxCallbackUrl(
  sandboxUrl: string,
  c: SandboxCredentials,
  t: SandboxTuple,
  url: string,
): Promise<void> {
  const tokenRes = await fetch(`${sandboxUrl}/oauth/v2/accessToken`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: c.clientId,
      client_secret: c.clientSecret,
    }).toString(),
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const key = `integrationContext=${encodeURIComponent(t.integrationContext)}&integrationType=${t.integrationType}&tenantType=${t.tenantType}&dataProvider=ATS`;
  const res = await fetch(`${sandboxUrl}/v2/atsIntegrations/${key}/configurations?ids=CALLBACK_URL`, {
    method: "PUT",
    headers: {
      authorization: `Bearer ${access_token}`,
      "content-type": "application/json",
      "x-restli-method": "batch_update",
    },
    body: JSON.stringify({ entities: { CALLBACK_URL: { configurationValue: { string: url } } } }),
  });
  if (!res.ok) throw new Error(`configurations answered ${res.status}: ${await res.text()}`);
}
