// What the unsubscribe route accepts. Pure.
import { z } from "zod";

export const unsubscribeKeySchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "This unsubscribe link is not valid.");

/** RFC 8058: a mail client POSTs "List-Unsubscribe=One-Click"; our page posts "choice". */
export const unsubscribeFormSchema = z.union(
  [
    z.object({ "List-Unsubscribe": z.literal("One-Click") }).transform(() => ({ unsubscribed: true, fromPage: false })),
    z
      .object({ choice: z.enum(["unsubscribe", "resubscribe"]) })
      .transform((v) => ({ unsubscribed: v.choice === "unsubscribe", fromPage: true })),
  ],
  { error: "Send List-Unsubscribe=One-Click, or choose unsubscribe or resubscribe." },
);
