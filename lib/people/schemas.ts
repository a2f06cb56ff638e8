// Inviting people and accepting an invitation (issue #6). Pure: shared by forms and server actions.
import { z } from "zod";

export const INVITABLE_ROLES = ["CUSTOMER_ADMIN", "SUPPORT", "OPERATOR"] as const;

export const invitationCreateSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
    role: z.enum(INVITABLE_ROLES, { error: "Choose a role." }),
    // Empty from the form when the role is staff.
    customerId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.role === "CUSTOMER_ADMIN" && !v.customerId) {
      ctx.addIssue({ code: "custom", path: ["customerId"], message: "Choose the customer this admin belongs to." });
    }
  })
  .transform((v) => ({ ...v, customerId: v.role === "CUSTOMER_ADMIN" ? (v.customerId ?? null) : null }));
export type InvitationCreateInput = z.infer<typeof invitationCreateSchema>;
