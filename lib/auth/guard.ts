import "server-only";
// The session guard of every page, route handler and server action (dub's withWorkspace, inbox-zero's
// withAuth): session, role and customer scope live here, composed from small pieces rather than grown with
// flags. Route handlers take it through the one route wrapper (lib/http/route.ts); server actions through
// the one action wrapper below.
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/actions/state";
import { englishSpeaker, type Notice, type Speaker } from "@/lib/errors/notice";
import { toSafeError } from "@/lib/errors/respond";
import { SafeError } from "@/lib/errors/safe-error";
import { validationErrors } from "@/lib/errors/validation";
import type { RouteGuard } from "@/lib/http/route";
import { assertCustomerAccess, assertRole } from "./access";
import { type Actor, canAccessCustomer, currentActor, hasRole } from "./actor";
import type { Role } from "./roles";

export type { Actor };

// ── pages (server components) ──

/** Signed-out visitors go to sign-in; a wrong role sees a not-found page, never another's data. */
export async function requirePageActor(roles: readonly Role[], returnTo?: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (!hasRole(actor, roles)) notFound();
  return actor;
}

/** A page about one customer: staff, or that customer's own admin. */
export async function requireCustomerPage(
  customerId: string,
  roles: readonly Role[],
  returnTo?: string,
): Promise<Actor> {
  const actor = await requirePageActor(roles, returnTo);
  if (!canAccessCustomer(actor, customerId)) notFound();
  return actor;
}

// Checks usable anywhere inside a guarded handler (kept free of Next.js imports for job handlers).
export { assertCustomerAccess, assertRole };

// ── route handlers (the one wrapper is lib/http/route.ts; this is its session guard) ──

export type SessionRoute<P> = { actor: Actor; params: P };

/**
 * Signed in with one of `roles`; with `customerScope`, the route is under /…/customers/[customerId]/… and
 * another customer's answers as if it did not exist.
 */
export function session<P extends Record<string, string> = Record<string, string>>(
  roles: readonly Role[],
  options: { customerScope?: boolean } = {},
): RouteGuard<SessionRoute<P>, P> {
  return {
    async admit(_req, params) {
      const actor = await currentActor();
      if (!actor) throw new SafeError("unauthorized", "Sign in to continue.");
      assertRole(actor, roles);
      if (options.customerScope) assertCustomerAccess(actor, params.customerId ?? "");
      return { actor, params };
    },
  };
}

// ── server actions (useActionState) ──

export type { ActionState, FormAction } from "@/lib/actions/state";

/** What the action answers: ActionState, plus the fields of the handler's own answer (all optional). */
export type Answer<R> = ActionState & Partial<Omit<R, keyof ActionState>>;

type ActionOptions<R> = {
  /** Where a successful answer sends the person instead (redirect() throws, so it runs after the error mapping). */
  redirectTo?: (state: R) => string | undefined;
  /** Words the guard's own answers and thrown SafeErrors for the reader (a customer admin's language, issue 25). */
  speaker?: () => Promise<Speaker>;
};

const SESSION_ENDED: Notice = { key: "sessionEnded" };
const ROLE_REFUSED: Notice = { key: "roleRefused" };
const FIELDS: Notice = { key: "fieldsNeedAttention" };

/** A SafeError's field messages in the reader's words, where the lib named them (fieldNotices). */
function fieldErrorsSaid(safe: SafeError, speak: Speaker): Record<string, string[]> | undefined {
  if (!safe.fieldErrors) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, english] of Object.entries(safe.fieldErrors))
    out[field] = english.map((text, k) => speak.say(safe.fieldNotices?.[field]?.[k], text));
  return out;
}

/**
 * The one server-action wrapper (issue 21 point 4): signs in and checks the role (or, with "anyone", admits a
 * visitor without a session, e.g. accepting an invitation), safeParses the input with `schema` and answers
 * `{ errors, message }` for useActionState. The handler throws SafeError for what a person may read; the lib
 * functions it calls audit their change. `R` is the answer's own shape (a one-time secret, a link) when it
 * carries more than ActionState.
 */
export function withAction<S extends z.ZodType, R extends ActionState = ActionState>(
  roles: readonly Role[],
  schema: S,
  handler: (actor: Actor, input: z.infer<S>) => Promise<R>,
  options?: ActionOptions<R>,
): (prev: Answer<R> | undefined, raw: FormData | unknown) => Promise<Answer<R>>;
export function withAction<S extends z.ZodType, R extends ActionState = ActionState>(
  roles: "anyone",
  schema: S,
  handler: (actor: Actor | null, input: z.infer<S>) => Promise<R>,
  options?: ActionOptions<R>,
): (prev: Answer<R> | undefined, raw: FormData | unknown) => Promise<Answer<R>>;
export function withAction<S extends z.ZodType, R extends ActionState>(
  roles: readonly Role[] | "anyone",
  schema: S,
  handler: (actor: Actor, input: z.infer<S>) => Promise<R>,
  options: ActionOptions<R> = {},
) {
  const speaker = async () => (options.speaker ? options.speaker() : englishSpeaker);
  const answer = async (raw: FormData | unknown): Promise<R | ActionState> => {
    try {
      const actor = await currentActor();
      if (roles !== "anyone") {
        if (!actor)
          return { ok: false, message: (await speaker()).say(SESSION_ENDED, "Your session has ended. Sign in again.") };
        if (!hasRole(actor, roles))
          return { ok: false, message: (await speaker()).say(ROLE_REFUSED, "Your role does not allow this.") };
      }
      const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.success) {
        const speak = await speaker();
        const fallback = speak.say(FIELDS, "Some fields need attention.");
        return { ok: false, ...validationErrors(parsed.error, fallback, speak.issue) };
      }
      // With "anyone" the handler's own overload takes Actor | null.
      return await handler(actor as Actor, parsed.data);
    } catch (e) {
      const safe = toSafeError(e);
      const speak = await speaker();
      return { ok: false, message: speak.say(safe.notice, safe.message), errors: fieldErrorsSaid(safe, speak) };
    }
  };
  return async (_prev: Answer<R> | undefined, raw: FormData | unknown): Promise<Answer<R>> => {
    const state = await answer(raw);
    // Only the handler answers ok: true, so an ok state is the handler's R.
    const to = state.ok ? options.redirectTo?.(state as R) : undefined;
    if (to) redirect(to);
    return state as Answer<R>;
  };
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else out[key] = value;
  }
  return out;
}
