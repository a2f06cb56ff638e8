// The props each template is stored with (Email.data), parsed again before rendering. Pure.
import { z } from "zod";
import { SUPPORT_ISSUE_TYPES } from "@/lib/issues/types";

export const invitationDataSchema = z.object({
  invitationId: z.string(),
  roleLabel: z.string(),
  role: z.enum(["OPERATOR", "SUPPORT", "CUSTOMER_ADMIN"]).optional(),
  customerName: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationData = z.infer<typeof invitationDataSchema>;

export const partnerReadyDataSchema = z.object({
  customerName: z.string(),
  integrationName: z.string(),
  product: z.string(),
  /** Stored by earlier versions; the template now takes the steps from the catalogue. */
  steps: z.array(z.string()).optional(),
  pageUrl: z.string(),
  daysWaiting: z.number().int().optional(),
});
export type PartnerReadyData = z.infer<typeof partnerReadyDataSchema>;

export const actionNeededDataSchema = z.object({
  customerName: z.string(),
  integrationName: z.string(),
  reason: z.string(),
  pageUrl: z.string(),
});
export type ActionNeededData = z.infer<typeof actionNeededDataSchema>;

export const digestDataSchema = z.object({
  day: z.string(),
  stuckAfterHours: z.number(),
  stuck: z.array(
    z.object({ customerName: z.string(), integrationName: z.string(), status: z.string(), since: z.string() }),
  ),
  failedJobs: z.array(
    z.object({ customerName: z.string().nullable(), kind: z.string(), error: z.string().nullable() }),
  ),
  keysRefused: z.array(z.object({ customerName: z.string(), error: z.string().nullable() })),
  issuesUrl: z.string(),
});
export type DigestData = z.infer<typeof digestDataSchema>;

/** Issue 22: the remediation of a support issue, sent by support to the customer's admins in their language. */
export const issueRemediationDataSchema = z.object({
  customerName: z.string(),
  issueType: z.enum(SUPPORT_ISSUE_TYPES),
  pageUrl: z.string(),
});
export type IssueRemediationData = z.infer<typeof issueRemediationDataSchema>;
