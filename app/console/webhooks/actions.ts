"use server";
// Webhook endpoints in the console (issue 12): operators register, change, rotate and delete them;
// support and operators replay events and send test events. Each lib function audits its change.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withAction, type ActionState } from "@/lib/auth/guard";
import { OPERATOR_ONLY, STAFF_ROLES } from "@/lib/auth/roles";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import { replayToEndpoint, sendTestEvent } from "@/lib/webhooks/replay";
import {
  consoleReplayRangeSchema,
  consoleWebhookEndpointSchema,
  consoleWebhookEndpointUpdateSchema,
} from "@/lib/webhooks/schemas";

const PATH = "/console/webhooks";
export type SecretState = ActionState & { secret?: string };

const withEndpoint = z.object({ endpointId: z.string().min(1) });

/** What the endpoint does with One-Click Export (L17, L18), said after each save. */
const exportsSentence = (resolveExports: boolean) =>
  resolveExports
    ? "One-Click Exports are resolved through exportedCandidates before delivery, counted in each customer's budget."
    : "One-Click Exports are relayed as they come; the ATS resolves them itself.";

export const createWebhookEndpointAction = withAction(
  OPERATOR_ONLY,
  consoleWebhookEndpointSchema,
  async (actor, input) => {
    const { secret } = await createWebhookEndpoint(actor, input);
    revalidatePath(PATH);
    const state: SecretState = {
      ok: true,
      message: `Endpoint ${input.url} added. ${exportsSentence(input.resolveExports)} Copy its signing secret now: it is shown only once.`,
      secret,
    };
    return state;
  },
);

export const updateWebhookEndpointAction = withAction(
  OPERATOR_ONLY,
  consoleWebhookEndpointUpdateSchema,
  async (actor, { endpointId, description, ...input }) => {
    await updateWebhookEndpoint(actor, endpointId, { ...input, description: description || null });
    revalidatePath(PATH);
    return { ok: true, message: `Endpoint saved. ${exportsSentence(input.resolveExports)}` };
  },
);

export const rotateWebhookSecretAction = withAction(OPERATOR_ONLY, withEndpoint, async (actor, { endpointId }) => {
  const { secret } = await rotateWebhookSecret(actor, endpointId);
  revalidatePath(PATH);
  const state: SecretState = {
    ok: true,
    message: "New secret. For 24 hours deliveries are signed with the old one too. Copy it now: it is shown only once.",
    secret,
  };
  return state;
});

export const setWebhookEnabledAction = withAction(
  OPERATOR_ONLY,
  withEndpoint.extend({ enabled: z.enum(["true", "false"]) }),
  async (actor, input) => {
    await updateWebhookEndpoint(actor, input.endpointId, { enabled: input.enabled === "true" });
    revalidatePath(PATH);
    return {
      ok: true,
      message:
        input.enabled === "true"
          ? "Enabled. Replay what it missed if needed."
          : "Disabled. Events are kept for replay.",
    };
  },
);

export const deleteWebhookEndpointAction = withAction(
  OPERATOR_ONLY,
  withEndpoint.extend({ confirm: z.literal("yes", "Tick the box to confirm.") }),
  async (actor, { endpointId }) => {
    await deleteWebhookEndpoint(actor, endpointId);
    revalidatePath(PATH);
    return { ok: true, message: "Endpoint deleted." };
  },
);

export const sendWebhookTestAction = withAction(STAFF_ROLES, withEndpoint, async (actor, { endpointId }) => {
  await sendTestEvent(actor, endpointId);
  revalidatePath(PATH);
  return { ok: true, message: "Test event queued; it shows below once sent." };
});

export const replayWebhookEventAction = withAction(
  STAFF_ROLES,
  withEndpoint.extend({ eventId: z.string().regex(/^evt_\d+$/) }),
  async (actor, input) => {
    await replayToEndpoint(actor, input.endpointId, { eventId: input.eventId });
    revalidatePath(PATH);
    return { ok: true, message: `${input.eventId} queued again.` };
  },
);

export const replayWebhookRangeAction = withAction(STAFF_ROLES, consoleReplayRangeSchema, async (actor, input) => {
  const { queued } = await replayToEndpoint(actor, input.endpointId, { from: input.from, to: input.to });
  revalidatePath(PATH);
  return { ok: true, message: `${queued} event${queued === 1 ? "" : "s"} queued again.` };
});
