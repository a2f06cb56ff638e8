"use server";
// Operator settings actions (issue #6): configuration keys per integration type (C15), API tokens,
// tunable settings. Each lib function audits its change.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withAction, type ActionState } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/tokens";
import { updateVendorBranding } from "@/lib/branding/branding";
import { vendorBrandingSchema } from "@/lib/branding/schemas";
import {
  createConfigurationKey,
  deleteConfigurationKey,
  updateConfigurationKey,
} from "@/lib/settings/configuration-keys";
import { apiChoiceSchema, setApiChoice } from "@/lib/linkedin/api-choice";
import { updateOperatorSetting } from "@/lib/settings/operator-settings";
import { OPERATOR_SETTING_KEYS, configurationKeySchema } from "@/lib/settings/schemas";

const PATH = "/console/settings";

export const createConfigurationKeyAction = withAction(OPERATOR_ONLY, configurationKeySchema, async (actor, input) => {
  await createConfigurationKey(actor, input);
  revalidatePath(PATH);
  return { ok: true, message: `Added ${input.key} to ${input.integrationType}.` };
});

const withId = z.object({ id: z.string().min(1) });

export const updateConfigurationKeyAction = withAction(
  OPERATOR_ONLY,
  z.intersection(withId, configurationKeySchema),
  async (actor, { id, ...input }) => {
    await updateConfigurationKey(actor, id, input);
    revalidatePath(PATH);
    return { ok: true, message: `Saved ${input.key}.` };
  },
);

export const deleteConfigurationKeyAction = withAction(OPERATOR_ONLY, withId, async (actor, { id }) => {
  const { key, integrationType } = await deleteConfigurationKey(actor, id);
  revalidatePath(PATH);
  return { ok: true, message: `Removed ${key} from ${integrationType}.` };
});

export type TokenState = ActionState & { token?: string };

export const createApiTokenAction = withAction(OPERATOR_ONLY, apiTokenCreateSchema, async (actor, input) => {
  const { token } = await createApiToken(actor, input);
  revalidatePath(PATH);
  const state: TokenState = {
    ok: true,
    message: `Token "${input.name}" created. Copy it now: it is shown only once.`,
    token,
  };
  return state;
});

export const revokeApiTokenAction = withAction(OPERATOR_ONLY, withId, async (actor, { id }) => {
  const { name } = await revokeApiToken(actor, id);
  revalidatePath(PATH);
  return { ok: true, message: `Token "${name}" revoked: requests with it are refused from now on.` };
});

export const updateSettingAction = withAction(
  OPERATOR_ONLY,
  z.object({ key: z.enum(OPERATOR_SETTING_KEYS as [string, ...string[]]), value: z.string() }),
  async (actor, { key, value }) => {
    const saved = await updateOperatorSetting(actor, key as (typeof OPERATOR_SETTING_KEYS)[number], value);
    revalidatePath(PATH);
    return { ok: true, message: `Saved: ${saved}.` };
  },
);

/** The vendor's look on customer admins' pages and emails (issue 25 point 2). */
export const updateVendorBrandingAction = withAction(OPERATOR_ONLY, vendorBrandingSchema, async (actor, input) => {
  await updateVendorBranding(actor, input);
  revalidatePath(PATH);
  return { ok: true, message: "Saved the vendor's look." };
});

/** Which LinkedIn API family and version the environment speaks (issue 23, L22): no restart, no data migration. */
export const updateLinkedInApiAction = withAction(OPERATOR_ONLY, apiChoiceSchema, async (actor, input) => {
  const saved = await setApiChoice(actor, input);
  revalidatePath(PATH);
  return {
    ok: true,
    message: `Onramp now speaks ${saved.family}${saved.version ? ` (LinkedIn-Version ${saved.version})` : ""} to LinkedIn, from its next call.`,
  };
});
