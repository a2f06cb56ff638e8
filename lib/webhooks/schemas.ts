// Webhook endpoint input (issue 12), shared by the console's forms and the vendor API. Pure, but for the outbound
// setting (OUTBOUND_ALLOW_PRIVATE_NETWORK) that the URL rule reads.
import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/types";
import { outboundPolicy } from "@/lib/egress/policy";
import { checkUrlText } from "@/lib/egress/target";

const eventTypeSchema = z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(", ")}` });

/**
 * https to a public address (issue 20, point 1: no private, loopback or link-local IP in any spelling, no
 * localhost); plain http and private targets only under the development setting. What the host name resolves to
 * is checked when the endpoint is saved (lib/webhooks/endpoints.ts) and again at every delivery (lib/egress).
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "Use at most 2,000 characters.")
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a full URL, e.g. https://ats.example.com/hooks/onramp" }))
  .superRefine((u, ctx) => {
    const checked = checkUrlText(u, outboundPolicy());
    if ("refused" in checked) ctx.addIssue({ code: "custom", message: checked.refused.reason });
  })
  .refine(
    (u) => !new URL(u).username && !new URL(u).password,
    "Do not put credentials in the URL; verify the signature instead.",
  );

const eventTypesSchema = z
  .union([eventTypeSchema, z.array(eventTypeSchema)], { error: `Choose event types among ${EVENT_TYPES.join(", ")}.` })
  .transform((t) => [...new Set(Array.isArray(t) ? t : [t])]);

export const webhookEndpointCreateSchema = z
  .object({
    url: webhookUrlSchema,
    description: z.string().trim().max(200, "Use at most 200 characters.").optional(),
    /** Empty or absent: every type. */
    eventTypes: eventTypesSchema.default([]),
    /**
     * L18: resolve EXPORT_CANDIDATE_PROFILE events through exportedCandidates?q=request before delivery, with
     * the customer's application and counted in its budget (L17); the candidates go in data.exportedCandidates.
     */
    resolveExports: z.boolean({ error: "resolveExports must be true or false." }).default(false),
  })
  .strict();
export type WebhookEndpointCreateInput = z.infer<typeof webhookEndpointCreateSchema>;

export const webhookEndpointUpdateSchema = z
  .object({
    url: webhookUrlSchema.optional(),
    description: z.string().trim().max(200, "Use at most 200 characters.").nullable().optional(),
    eventTypes: eventTypesSchema.optional(),
    resolveExports: z.boolean({ error: "resolveExports must be true or false." }).optional(),
    /** true re-enables a disabled endpoint; false disables it. */
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookEndpointUpdateInput = z.infer<typeof webhookEndpointUpdateSchema>;

/** The console's checkbox: ticked sends "true", unticked sends nothing. */
const consoleCheckbox = z
  .literal("true", { error: "Tick the box or leave it empty." })
  .optional()
  .transform((v) => v === "true");

/**
 * The console's endpoint form (add and edit): the same rules as the vendor API, read from FormData (no event type
 * ticked: every type; an empty description: none; the resolveExports box, L17/L18).
 */
export const consoleWebhookEndpointSchema = z
  .object({
    url: webhookUrlSchema,
    description: z.string().trim().max(200, "Use at most 200 characters.").optional(),
    eventTypes: eventTypesSchema.optional().transform((t) => t ?? []),
    resolveExports: consoleCheckbox,
  })
  .strict();

export const consoleWebhookEndpointUpdateSchema = consoleWebhookEndpointSchema.extend({
  endpointId: z.string().min(1),
});

const isoDate = z.iso
  .datetime({ offset: true, error: "Use an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z" })
  .transform((s) => new Date(s));

/** One event by id, or every event of the endpoint's types in a time range. */
export const webhookReplaySchema = z.union(
  [
    z.object({ eventId: z.string().regex(/^evt_\d{1,19}$/, "Use an event id such as evt_123.") }).strict(),
    z
      .object({ from: isoDate, to: isoDate })
      .strict()
      .refine((r) => r.from < r.to, { message: "`from` must be before `to`.", path: ["to"] }),
  ],
  { error: "Send either { eventId } or { from, to }." },
);
export type WebhookReplayInput = z.infer<typeof webhookReplaySchema>;

/** The console's range form: datetime-local inputs, read as UTC (the page says so). */
const utcLocal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Enter a date and time.")
  .transform((v) => new Date(`${v.length === 16 ? `${v}:00` : v}Z`));

export const consoleReplayRangeSchema = z
  .object({ endpointId: z.string().min(1), from: utcLocal, to: utcLocal })
  .refine((r) => r.from < r.to, { message: "The end must be after the start.", path: ["to"] });
