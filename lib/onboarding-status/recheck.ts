import "server-only";
// The RECHECK_STATUS job: one integration's status from LinkedIn (C19b), applied with source RECHECK
// and the person who asked. A failed lookup throws, so the job engine retries and support sees why.
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { integrationTuple, lookupStatusByTuples, tupleId } from "@/lib/linkedin";
import { applyOnboardingStatus, type ApplyStatusResult } from "./apply";

export async function runRecheck(integrationId: string, actorId: string | null): Promise<ApplyStatusResult> {
  const i = await db.integration.findUnique({
    where: { id: integrationId },
    select: {
      id: true,
      integrationContext: true,
      integrationType: true,
      tenantType: true,
      customer: { select: { application: { select: { id: true, clientId: true } } } },
    },
  });
  if (!i) throw new SafeError("not_found", "The integration no longer exists.");
  const app = i.customer.application;
  if (!app)
    throw new SafeError(
      "conflict",
      "This customer has no LinkedIn application in Onramp, so LinkedIn can not be asked.",
    );
  const tuple = integrationTuple(i);
  const result = (await lookupStatusByTuples(app, [tuple])).get(tupleId(tuple));
  if (!result?.ok) {
    throw new SafeError(
      "upstream_unavailable",
      `LinkedIn did not give this integration's status: ${result ? result.error : "no answer"}.`,
    );
  }
  return applyOnboardingStatus({ integrationId: i.id, status: result.onboardingStatus, source: "RECHECK", actorId });
}
