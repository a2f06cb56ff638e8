"use server";
// Operator actions on customers (issue #6). Each goes through withAction (role, zod, useActionState
// answer) and is audited by the lib function it calls.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { withAction } from "@/lib/auth/guard";
import { OPERATOR_ONLY, type Role } from "@/lib/auth/roles";
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

/** A change to one customer made on its settings page: the lib function's message, and the page drawn again. */
function settingsChange<T extends { customerId: string }>(
  roles: readonly Role[],
  schema: z.ZodType<T>,
  change: (actor: Actor, input: T) => Promise<{ message: string }>,
) {
  return withAction(roles, schema, async (actor, input) => {
    const { message } = await change(actor, input);
    revalidatePath(settingsPath(input.customerId));
    return { ok: true, message };
  });
}

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

export const setApplicationKeysAction = settingsChange(
  OPERATOR_ONLY,
  applicationKeysFormSchema,
  (actor, { customerId, ...keys }) => setApplicationKeys(actor, customerId, keys),
);

export const requestProvisioningAction = settingsChange(
  JOB_RULES.PROVISION_APPLICATION.start,
  customerIdFormSchema,
  (actor, { customerId }) => requestProvisioning(actor, customerId),
);

export const rotateCallbackKeyAction = settingsChange(
  OPERATOR_ONLY,
  rotateCallbackFormSchema,
  (actor, { customerId }) => rotateCallbackKey(actor, customerId),
);

export const setAccessControlsAction = settingsChange(
  OPERATOR_ONLY,
  accessControlsFormSchema,
  (actor, { customerId, usesAtsAccessControls }) => setUsesAtsAccessControls(actor, customerId, usesAtsAccessControls),
);

export const resyncConfigurationsAction = withAction(
  JOB_RULES.SYNC_CONFIGURATIONS.start,
  customerIdFormSchema,
  async (actor, { customerId }) => {
    const { message } = await resyncConfigurations(actor, customerId);
    return { ok: true, message };
  },
);

export const rotateSecretAction = settingsChange(OPERATOR_ONLY, customerIdFormSchema, (actor, { customerId }) =>
  rotateCustomerSecret(actor, customerId),
);

export const retirePreviousSecretAction = settingsChange(OPERATOR_ONLY, customerIdFormSchema, (actor, { customerId }) =>
  retirePreviousSecret(actor, customerId),
);

export const requestDomainsSyncAction = settingsChange(
  JOB_RULES.SYNC_APP_DOMAINS.start,
  customerIdFormSchema,
  (actor) => requestDomainsSync(actor),
);
