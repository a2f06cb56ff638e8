// Keys LinkedIn already knows (an application made before Onramp, entered by hand: C1), told to the sandbox by a
// test before Onramp checks them. Throws when the sandbox refuses.

export async function registerSandboxKeys(sandboxUrl: string, clientId: string, clientSecret: string): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/applications`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId, clientSecret }),
  });
  if (!res.ok) throw new Error(`sandbox POST /_sandbox/applications answered ${res.status}: ${await res.text()}`);
}
