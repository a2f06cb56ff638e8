import "server-only";
// The dialect of the integration resources in force for the next call (api-choice.ts, resolved per call).
import { env } from "@/lib/env";
import { currentApiChoice } from "./api-choice";
import { type IntegrationsDialect, integrationsDialect } from "./api-dialect";

export async function dialectNow(): Promise<IntegrationsDialect> {
  return integrationsDialect(await currentApiChoice(), env().LINKEDIN_API_URL);
}
