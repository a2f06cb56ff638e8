// Forms of the people page and the invitation page (server actions only: the password rules live in
// lib/auth/password.ts).
import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";

export const userToggleFormSchema = z.object({
  userId: z.string().min(1),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const invitationIdFormSchema = z.object({ invitationId: z.string().min(1) });

export const acceptInvitationFormSchema = z
  .object({
    token: z.string().min(1),
    name: z.string().trim().max(120, "Use at most 120 characters.").optional(),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ.",
    params: { notice: "passwordsDiffer" }, // its catalogue key (issue 25 point 1)
  });
