import "server-only";
// GET {api}/v2/exportedCandidates?q=request&requestId={id} (L18): what a recruiter exported with One-Click
// Export, behind an EXPORT_CANDIDATE_PROFILE push. Made with the customer's application (L2), paced with its
// other calls and counted in its exportedCandidates budget (L17: 100,000 a day). The element shape is not
// public (ASSUMPTION): the elements are handed on as LinkedIn sent them.
import { z } from "zod";
import { env } from "@/lib/env";
import { ENDPOINTS, PATHS } from "./endpoints";
import { linkedInRequest } from "./http";
import { asApplication, type LinkedInApplicationRef } from "./token";

const exportedCandidatesSchema = z.object({ elements: z.array(z.record(z.string(), z.unknown())) }).loose();

export type ExportedCandidate = Record<string, unknown>;

/** The exported candidates of one export push; throws LinkedInError. */
export async function lookupExportedCandidates(
  application: LinkedInApplicationRef,
  requestId: string,
): Promise<ExportedCandidate[]> {
  const { data } = await linkedInRequest({
    endpoint: ENDPOINTS.exportedCandidates,
    ...asApplication(application),
    method: "GET",
    url: `${env().LINKEDIN_API_URL}${PATHS.exportedCandidates}?q=request&requestId=${encodeURIComponent(requestId)}`,
    schema: exportedCandidatesSchema,
  });
  return data.elements;
}
