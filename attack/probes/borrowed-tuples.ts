// Issue 20, point 3: a customer admin hands Onramp, through the page's widget handler (the server action
// `authorizeWidgetIntegrations`, posted over HTTP as the browser posts it), tuples on organizations LinkedIn
// never authorized for the customer's application. Organization ids are public. A tuple got through when it
// is stored as the customer's integration; Onramp must first have LinkedIn confirm it (C19b, the ids look-up
// with the customer's own token, which the sandbox answers with 404 for another application's tuple).
import { intakeActionId, postIntakeAs } from "@/chaos/intake-action";
import { db } from "@/lib/db/client";
import type { AttackStack, Probe, Tally } from "../types";

type Tuple = { integrationContext: string; integrationType: string; tenantType: string };

/** The three tuples of the RSC company bundle on one organization (L12). */
function companyBundle(orgId: string): Tuple[] {
  return ["ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN"].map((integrationType) => ({
    integrationContext: `urn:li:organization:${orgId}`,
    integrationType,
    tenantType: "RECRUITER",
  }));
}

async function storedAsTheirs(customerId: string, tuples: Tuple[]): Promise<number> {
  return db.integration.count({ where: { customerId, OR: tuples.map((t) => ({ ...t, dataProvider: "ATS" })) } });
}

async function run(stack: AttackStack): Promise<Tally[]> {
  const attacker = await stack.customer("borrowed-tuples");
  const owner = await stack.customer("borrowed-tuples-owner");
  // The bundle is offered, so only LinkedIn's confirmation stands between the admin and the tuples.
  await db.customer.update({
    where: { id: attacker.id },
    data: { offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"] },
  });
  const cookie = await stack.signIn(attacker.adminEmail, attacker.adminPassword);
  if (!cookie) throw new Error("borrowed-tuples: the attacking customer's admin could not sign in");
  const actionId = intakeActionId(process.cwd(), stack.env.NEXT_DIST_DIR ?? ".next");
  const suffix = Date.now().toString(36);

  const nobodys = companyBundle(`borrowed${suffix}`);
  const theOwners = companyBundle(`owned${suffix}`);
  for (const t of theOwners) stack.sandbox.authorizeIntegration(owner.clientId, t);
  for (const t of [...nobodys, ...theOwners])
    if (stack.sandbox.findIntegration(attacker.clientId, t))
      throw new Error(`borrowed-tuples: the sandbox already holds ${t.integrationContext} for the attacker`);

  const tally: Tally[] = [];
  for (const [attack, tuples] of [
    ["widget intake: organization LinkedIn never authorized for the customer", nobodys],
    ["widget intake: another customer's organization", theOwners],
  ] as const) {
    const answer = await postIntakeAs(stack.baseUrl, actionId, cookie, [...tuples]);
    // The answer must be the defence's refusal, not a failure of the probe's own request.
    if (answer.status !== 200 || !answer.text.includes("LinkedIn has no record"))
      throw new Error(`borrowed-tuples: unexpected answer ${answer.status}: ${answer.text}`);
    tally.push({ attack, tried: tuples.length, gotThrough: await storedAsTheirs(attacker.id, [...tuples]) });
  }
  return tally;
}

export const probe: Probe = { name: "borrowed-tuples", run };
