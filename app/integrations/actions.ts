"use server";
// Server actions of the customer admin's integrations page (issue #4). Each runs through withAction:
// session, role and zod first; the customer is always the session's, never the input's. Answers and field
// errors are in the admin's language (issue 25 point 1): requestSpeaker words them from the catalogue.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withAction } from "@/lib/auth/guard";
import { Role } from "@/lib/auth/roles";
import { easyApplyFormSchema, setLinkedInEasyApply } from "@/lib/customers/easy-apply";
import { recordWidgetIntegrations, widgetIntakeSchema } from "@/lib/integrations/intake";
import { editConfiguration, renameIntegration } from "@/lib/integrations/mutations";
import { editConfigurationSchema, renameIntegrationSchema } from "@/lib/integrations/schemas";
import { requestStatusCheck } from "@/lib/integrations/status-check";
import { setPersonLocale } from "@/lib/i18n/preferences";
import { recordScriptReport } from "@/lib/onboarding-flow/record";
import { scriptReportSchema } from "@/lib/onboarding-flow/schemas";
import { personLocaleSchema } from "@/lib/i18n/schemas";
import { requestSpeaker, sayToReader } from "@/lib/i18n/speaker";

const inAdminsLanguage = { speaker: requestSpeaker };

/** The widget's onintegrate callback forwards its tuples here (C7). Answers at once; syncs run as jobs. */
export const authorizeWidgetIntegrations = withAction(
  [Role.CUSTOMER_ADMIN],
  widgetIntakeSchema,
  async (actor, input) => {
    const result = await recordWidgetIntegrations(actor, input);
    const speak = await requestSpeaker();
    return { ok: true, message: result.said.map((s) => speak.say(s.notice, s.message)).join(" ") };
  },
  inAdminsLanguage,
);

/**
 * Issue 22: the page's own report of how LinkedIn's script fared on this visit. A claim from the browser: only the
 * admin's own customer, a visit the server opened for them, a fixed outcome and reason (lib/onboarding-flow).
 */
export const reportLinkedInScriptAction = withAction(
  [Role.CUSTOMER_ADMIN],
  scriptReportSchema,
  async (actor, input) => {
    await recordScriptReport(actor, input);
    return { ok: true };
  },
  inAdminsLanguage,
);

export const renameIntegrationAction = withAction(
  [Role.CUSTOMER_ADMIN],
  renameIntegrationSchema,
  async (actor, input) => {
    const result = await renameIntegration(actor, input);
    return { ok: true, message: await sayToReader(result) };
  },
  inAdminsLanguage,
);

export const editConfigurationAction = withAction(
  [Role.CUSTOMER_ADMIN],
  editConfigurationSchema,
  async (actor, input) => {
    const result = await editConfiguration(actor, input);
    return { ok: true, message: await sayToReader(result) };
  },
  inAdminsLanguage,
);

export const checkStatusNowAction = withAction(
  [Role.CUSTOMER_ADMIN],
  z.object({}).passthrough(),
  async (actor) => ({ ok: true, message: await sayToReader(await requestStatusCheck(actor)) }),
  inAdminsLanguage,
);

/** L30: Apply Connect's account-level LinkedIn Easy Apply toggle; the customer is the session's. */
export const setEasyApplyAction = withAction(
  [Role.CUSTOMER_ADMIN],
  easyApplyFormSchema,
  async (actor, input) => {
    const result = await setLinkedInEasyApply(actor, input.linkedInEasyApply === "on");
    revalidatePath("/integrations");
    return { ok: true, message: await sayToReader(result) };
  },
  inAdminsLanguage,
);

/** The customer admin's language (issue 25 point 1): kept on their account; the whole page is drawn again in it. */
export const setLanguageAction = withAction(
  [Role.CUSTOMER_ADMIN],
  personLocaleSchema,
  async (actor, { locale }) => {
    await setPersonLocale(actor, locale);
    revalidatePath("/", "layout");
    return { ok: true };
  },
  inAdminsLanguage,
);
