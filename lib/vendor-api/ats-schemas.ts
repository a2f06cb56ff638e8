// The vendor API's shapes for the ATS side (issue 12): events, webhook endpoints, LinkedIn tokens and
// sign-in links. Validated with and documented from these objects, like schemas.ts. Pure.
import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/types";
import { presentedEventSchema } from "@/lib/events/present";
import { webhookEndpointCreateSchema, webhookEndpointUpdateSchema, webhookReplaySchema } from "@/lib/webhooks/schemas";
import { listPageSchema } from "./list";

export { webhookEndpointCreateSchema, webhookEndpointUpdateSchema, webhookReplaySchema };

const dateTime = z.iso.datetime();

export const eventFeedQuerySchema = z.object({
  cursor: z
    .string()
    .max(100)
    .optional()
    .meta({ description: "`nextCursor` of the previous page; leave out to start from the oldest event." }),
  types: z
    .string()
    .max(1000)
    .optional()
    .transform((v, ctx) => {
      const list = (v ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
      const unknown = list.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `unknown event type ${unknown.join(", ")}; use ${EVENT_TYPES.join(", ")}`,
        });
        return z.NEVER;
      }
      return list;
    })
    .meta({
      description: `Comma-separated event types to return; all when left out. One of: ${EVENT_TYPES.join(", ")}.`,
    }),
  customerId: z.string().max(64).optional().meta({ description: "Only this customer's events." }),
  limit: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(500, "must be at most 500").default(100),
});

export const eventPageSchema = listPageSchema(presentedEventSchema, {
  alwaysHasCursor: true,
  nextCursor: "Pass as `cursor` next time, even when `data` is empty: it never skips an event.",
}).extend({ hasMore: z.boolean() });

export const endpointIdParamsSchema = z.object({ endpointId: z.string().min(1).max(64) });

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.string()).meta({ description: "Empty: every type." }),
  resolveExports: z.boolean().meta({
    description:
      "EXPORT_CANDIDATE_PROFILE events are resolved through exportedCandidates?q=request (counted in the customer application's budget) and delivered with data.exportedCandidates.",
  }),
  status: z.enum(["ACTIVE", "FAILING", "DISABLED"]),
  failingSince: dateTime.nullable(),
  disabledAt: dateTime.nullable(),
  disabledReason: z.string().nullable(),
  lastSuccessAt: dateTime.nullable(),
  secretRotatedUntil: dateTime
    .nullable()
    .meta({ description: "Until then deliveries also carry a signature with the previous secret." }),
  createdAt: dateTime,
});

export const webhookEndpointListSchema = listPageSchema(webhookEndpointSchema, {
  nextCursor: "Always null: every endpoint is on the one page.",
});

export const webhookEndpointWithSecretSchema = z.object({
  endpoint: webhookEndpointSchema,
  secret: z.string().meta({ description: "The whsec_… signing secret. Shown only in this answer: store it now." }),
});

export const webhookDeletedSchema = z.object({ deleted: z.literal(true) });

export const webhookDeliveryListSchema = listPageSchema(
  z.object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    state: z.enum(["PENDING", "DELIVERED", "FAILED"]),
    attempts: z.number().int(),
    nextAttemptAt: dateTime.nullable(),
    deliveredAt: dateTime.nullable(),
    replay: z.boolean(),
    createdAt: dateTime,
    attemptLog: z.array(
      z.object({
        attempt: z.number().int(),
        status: z.number().int().nullable(),
        latencyMs: z.number().int(),
        responseSnippet: z.string().nullable(),
        error: z.string().nullable(),
        at: dateTime,
      }),
    ),
  }),
  { nextCursor: "Always null: the latest 50 deliveries are the whole list." },
);

export const webhookReplayAcceptedSchema = z.object({ queued: z.number().int() });
export const webhookTestAcceptedSchema = z.object({ eventId: z.string() });

export const linkedInTokenSchema = z.object({
  accessToken: z
    .string()
    .meta({ description: "A current access token of the customer's LinkedIn application (C2). Never the secret." }),
  tokenType: z.literal("Bearer"),
  expiresAt: dateTime.meta({ description: "Ask again before then; Onramp renews it ahead of expiry." }),
});

export const adminLinkCreateSchema = z
  .object({
    email: z
      .email("Enter a valid email address.")
      .max(254)
      .transform((e) => e.trim().toLowerCase()),
  })
  .strict();

export const adminLinkSchema = z.object({
  url: z
    .string()
    .meta({ description: "Open it once, within minutes, to be signed in as the customer's admin on /integrations." }),
  expiresAt: dateTime,
});
