"use server";
// Accepting an invitation (issue #6): no session yet, so withAction admits "anyone"; the token is the proof.
// Answered in the visitor's language (Accept-Language; issue 25 point 1).
import { withAction } from "@/lib/auth/guard";
import { acceptInvitationFormSchema } from "@/lib/people/form-schemas";
import { acceptInvitation } from "@/lib/people/invitations";
import type { ActionState } from "@/lib/actions/state";
import { requestSpeaker, sayToReader } from "@/lib/i18n/speaker";

export type AcceptState = ActionState & { email?: string };

export const acceptInvitationAction = withAction(
  "anyone",
  acceptInvitationFormSchema,
  async (_visitor, input) => {
    const user = await acceptInvitation(input.token, { password: input.password, name: input.name });
    const message = await sayToReader({
      message: `Your account ${user.email} is ready. Sign in with your new password.`,
      notice: { key: "accountReady", values: { email: user.email } },
    });
    const state: AcceptState = { ok: true, message, email: user.email };
    return state;
  },
  { speaker: requestSpeaker },
);
