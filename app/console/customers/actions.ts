"use server";
// Operator actions on customers (issue #6). Each goes through withAction (role, zod, useActionState
// answer) and is audited by the lib function it calls.
import { revalidatePath } from "next/cache";
import { withAction } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { JOB_RULES } from "@/lib/jobs/permissions";
import { setApplicationKeys } from "@/lib/customers/application-keys";
import { resyncConfigurations, setUsesAtsAccessControls } from "@/lib/customers/access-controls";
import { rotateCallbackKey } from "@/lib/customers/callback-key";
import {
  accessControlsFormSchema,
  applicationKeysFormSchema,
  archiveFormSchema,
  customerEditFormSchema,
  customerFormSchema,
  customerIdFormSchema,
  rotateCallbackFormSchema,
} from "@/lib/customers/form-schemas";
import { createCustomer, updateCustomer } from "@/lib/customers/mutations";
import { requestProvisioning } from "@/lib/customers/provisioning";
import { retirePreviousSecret, rotateCustomerSecret } from "@/lib/customers/secret-rotation";
import { requestDomainsSync } from "@/lib/customers/app-domains";

const settingsPath = (customerId: string) => `/console/customers/${customerId}/settings`;

export const createCustomerAction = withAction(
  OPERATOR_ONLY,
  customerFormSchema,
  async (actor, input) => {
    const { id } = await createCustomer(actor, input);
    return { ok: true, message: "Customer created.", customerId: id };
  },
  { redirectTo: ({ customerId }) => `${settingsPath(customerId)}?created=1` },
);

export const updateCustomerAction = withAction(
  OPERATOR_ONLY,
  customerEditFormSchema,
  async (actor, { customerId, ...input }) => {
    const { changed } = await updateCustomer(actor, customerId, input);
    revalidatePath(settingsPath(customerId));
    return { ok: true, message: changed.length ? "Saved." : "Nothing changed." };
  },
);

export const setArchivedAction = withAction(
  OPERATOR_ONLY,
  archiveFormSchema,
  async (actor, { customerId, archived }) => {
    await updateCustomer(actor, customerId, { archived });
    revalidatePath(settingsPath(customerId));
    return { ok: true, message: archived ? "Customer archived." : "Customer restored." };
  },
);

export const setApplicationKeysAction = withAction(
  OPERATOR_ONLY,
  applicationKeysFormSchema,
  async (actor, { customerId, ...keys }) => {
    const outcome = await setApplicationKeys(actor, customerId, keys);
    revalidatePath(settingsPath(customerId));
    return { ok: true, message: outcome.message };
  },
);

export const requestProvisioningAction = withAction(
  JOB_RULES.PROVISION_APPLICATION.start,
  customerIdFormSchema,
  async (actor, { customerId }) => {
    const { message } = await requestProvisioning(actor, customerId);
    revalidatePath(settingsPath(customerId));
    return { ok: true, message };
  },
);

export const rotateCallbackKeyAction = withAction(
  OPERATOR_ONLY,
  rotateCallbackFormSchema,
  async (actor, { customerId }) => {
    const { message } = await rotateCallbackKey(actor, customerId);
    revalidatePath(settingsPath(customerId));
    return { ok: true, message };
  },
);

export const setAccessControlsAction = withAction(
  OPERATOR_ONLY,
  accessControlsFormSchema,
  async (actor, { customerId, usesAtsAccessControls }) => {
    const { message } = await setUsesAtsAccessControls(actor, customerId, usesAtsAccessControls);
    revalidatePath(settingsPath(customerId));
    return { ok: true, message };
  },
);

export const resyncConfigurationsAction = withAction(
  JOB_RULES.SYNC_CONFIGURATIONS.start,
  customerIdFormSchema,
  async (actor, { customerId }) => {
    const { message } = await resyncConfigurations(actor, customerId);
    return { ok: true, message };
  },
);

export const rotateSecretAction = withAction(OPERATOR_ONLY, customerIdFormSchema, async (actor, { customerId }) => {
  const { message } = await rotateCustomerSecret(actor, customerId);
  revalidatePath(settingsPath(customerId));
  return { ok: true, message };
});

export const retirePreviousSecretAction = withAction(
  OPERATOR_ONLY,
  customerIdFormSchema,
  async (actor, { customerId }) => {
    const { message } = await retirePreviousSecret(actor, customerId);
    revalidatePath(settingsPath(customerId));
    return { ok: true, message };
  },
);

export const requestDomainsSyncAction = withAction(
  JOB_RULES.SYNC_APP_DOMAINS.start,
  customerIdFormSchema,
  async (actor, { customerId }) => {
    const { message } = await requestDomainsSync(actor);
    revalidatePath(settingsPath(customerId));
    return { ok: true, message };
  },
);
