"use server";
// Operator actions on people (issue #6): invite, withdraw an invitation, disable or enable an account.
import { revalidatePath } from "next/cache";
import { type ActionState, withAction } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { invitationIdFormSchema, userToggleFormSchema } from "@/lib/people/form-schemas";
import { createInvitation, revokeInvitation } from "@/lib/people/invitations";
import { invitationCreateSchema } from "@/lib/people/schemas";
import { setUserDisabled } from "@/lib/people/users";

export type InviteState = ActionState & { link?: string; expiresAt?: string };

export const inviteAction = withAction(OPERATOR_ONLY, invitationCreateSchema, async (actor, input) => {
  const created = await createInvitation(actor, input);
  revalidatePath("/console/people");
  const state: InviteState = {
    ok: true,
    message: `Invitation emailed to ${created.email}. If email is not an option, send them this link; it is shown only now and works once until ${created.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    link: created.url,
    expiresAt: created.expiresAt.toISOString(),
  };
  return state;
});

export const revokeInvitationAction = withAction(
  OPERATOR_ONLY,
  invitationIdFormSchema,
  async (actor, { invitationId }) => {
    await revokeInvitation(actor, invitationId);
    revalidatePath("/console/people");
    return { ok: true, message: "Invitation withdrawn: its link no longer works." };
  },
);

export const setUserDisabledAction = withAction(
  OPERATOR_ONLY,
  userToggleFormSchema,
  async (actor, { userId, disabled }) => {
    const { email, revokedTokens, revokedInvitations } = await setUserDisabled(actor, userId, disabled);
    revalidatePath("/console/people");
    return {
      ok: true,
      message: disabled
        ? `${email} is disabled: their next request is refused; ${revokedTokens} API token(s) and ${revokedInvitations} pending invitation(s) of theirs are revoked.`
        : `${email} can sign in again.`,
    };
  },
);
