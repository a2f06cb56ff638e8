"use server";
// Accepting an invitation (issue #6): no session yet, so this is the one action outside withAction; it
// validates with zod and answers the same { ok, message, errors } shape.
import { z } from "zod";
import type { ActionState } from "@/lib/auth/guard";
import { toSafeError } from "@/lib/errors/respond";
import { acceptInvitationFormSchema } from "@/lib/people/form-schemas";
import { acceptInvitation } from "@/lib/people/invitations";

export type AcceptState = ActionState & { email?: string };

export async function acceptInvitationAction(_prev: AcceptState | undefined, form: FormData): Promise<AcceptState> {
  const parsed = acceptInvitationFormSchema.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) {
    return {
      ok: false,
      message: "Some fields need attention.",
      errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    };
  }
  try {
    const user = await acceptInvitation(parsed.data.token, { password: parsed.data.password, name: parsed.data.name });
    return {
      ok: true,
      message: `Your account ${user.email} is ready. Sign in with your new password.`,
      email: user.email,
    };
  } catch (e) {
    const safe = toSafeError(e);
    return { ok: false, message: safe.message, errors: safe.fieldErrors };
  }
}
