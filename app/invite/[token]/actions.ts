"use server";
// Accepting an invitation (issue #6): no session yet, so withAction admits "anyone"; the token is the proof.
import { withAction } from "@/lib/auth/guard";
import { acceptInvitationFormSchema } from "@/lib/people/form-schemas";
import { acceptInvitation } from "@/lib/people/invitations";
import type { ActionState } from "@/lib/actions/state";

export type AcceptState = ActionState & { email?: string };

export const acceptInvitationAction = withAction("anyone", acceptInvitationFormSchema, async (_visitor, input) => {
  const user = await acceptInvitation(input.token, { password: input.password, name: input.name });
  const state: AcceptState = {
    ok: true,
    message: `Your account ${user.email} is ready. Sign in with your new password.`,
    email: user.email,
  };
  return state;
});
