import "server-only";
// Which API family and version this environment speaks (L22, L23): the operator setting `linkedinApi` (a Setting
// row, switchable on the console without a restart), else LINKEDIN_API_FAMILY / LINKEDIN_VERSION. Every LinkedIn
// call (every batch) resolves it afresh, never once per job: a job started under one family sends its next call,
// or its retry, under the other. Nothing is stored per family: tuples, names and statuses are the same data.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { API_FAMILIES, DEFAULT_REST_VERSION, LINKEDIN_VERSION_PATTERN, type LinkedInApiChoice } from "./api-versions";

export const LINKEDIN_API_SETTING = "linkedinApi";

export const apiChoiceSchema = z
  .object({
    family: z.enum(API_FAMILIES, { error: "Choose v2 or rest." }),
    version: z
      .string()
      .trim()
      .refine((v) => v === "" || LINKEDIN_VERSION_PATTERN.test(v), "Enter a version like 202604 or 202508.02."),
  })
  .transform(
    (c): LinkedInApiChoice => ({
      family: c.family,
      version: c.family === "rest" && !c.version ? DEFAULT_REST_VERSION : c.version,
    }),
  );

/** The environment's default, without the operator setting. */
export function envApiChoice(): LinkedInApiChoice {
  const e = env();
  return apiChoiceSchema.parse({ family: e.LINKEDIN_API_FAMILY, version: e.LINKEDIN_VERSION });
}

export interface ApiChoiceInForce extends LinkedInApiChoice {
  /** "setting" when an operator chose it on the console, "environment" otherwise. */
  source: "setting" | "environment";
}

/** The family and version in force now (one small read per call: a switch takes effect at the next call). */
export async function currentApiChoice(): Promise<ApiChoiceInForce> {
  const row = await db.setting.findUnique({ where: { key: LINKEDIN_API_SETTING }, select: { value: true } });
  const stored = row ? apiChoiceSchema.safeParse(row.value) : undefined;
  return stored?.success ? { ...stored.data, source: "setting" } : { ...envApiChoice(), source: "environment" };
}

/** Switches the environment's family/version (audited). No data changes: work in flight continues under it. */
export async function setApiChoice(actor: Actor, raw: unknown): Promise<LinkedInApiChoice> {
  const parsed = apiChoiceSchema.safeParse(raw);
  if (!parsed.success)
    throw new SafeError("unprocessable", "Check the LinkedIn API choice.", {
      value: parsed.error.issues.map((i) => i.message),
    });
  const value = parsed.data;
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: LINKEDIN_API_SETTING } });
    await tx.setting.upsert({
      where: { key: LINKEDIN_API_SETTING },
      create: { key: LINKEDIN_API_SETTING, value: { ...value } },
      update: { value: { ...value } },
    });
    await recordAudit(
      actor,
      {
        action: "setting.updated",
        targetType: "Setting",
        targetId: LINKEDIN_API_SETTING,
        details: { key: LINKEDIN_API_SETTING, from: before?.value ?? null, to: { ...value } },
      },
      tx,
    );
  });
  return value;
}
