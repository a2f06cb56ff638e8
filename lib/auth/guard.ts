import "server-only";
// The one guard around every page, route handler and server action (dub's withWorkspace, inbox-zero's
// withAuth): session, role, customer scope and the mapping of errors to answers live here, composed
// from small pieces rather than grown with flags.
import { notFound, redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { ActionState } from "@/lib/actions/state";
import { errorResponse, toSafeError } from "@/lib/errors/respond";
import { SafeError } from "@/lib/errors/safe-error";
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

// ── route handlers ──

type RouteContext<P> = { params: Promise<P> };
export type GuardedRouteHandler<P> = (req: NextRequest, ctx: { actor: Actor; params: P }) => Promise<Response>;

export function withRoute<P = Record<string, string>>(roles: readonly Role[], handler: GuardedRouteHandler<P>) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await currentActor();
      if (!actor) throw new SafeError("unauthorized", "Sign in to continue.");
      assertRole(actor, roles);
      return await handler(req, { actor, params: await ctx.params });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** A route under /…/customers/[customerId]/…: role check, then customer scope. */
export function withCustomerRoute<P extends { customerId: string }>(
  roles: readonly Role[],
  handler: GuardedRouteHandler<P>,
) {
  return withRoute<P>(roles, async (req, ctx) => {
    assertCustomerAccess(ctx.actor, ctx.params.customerId);
    return handler(req, ctx);
  });
}

// ── server actions (useActionState) ──

export type { ActionState, FormAction } from "@/lib/actions/state";

/**
 * Wraps a server action: signs in, checks the role, safeParses the input with `schema` and answers
 * `{ errors, message }` for useActionState. The handler throws SafeError for what a person may read.
 */
export function withAction<S extends z.ZodType>(
  roles: readonly Role[],
  schema: S,
  handler: (actor: Actor, input: z.infer<S>) => Promise<ActionState>,
) {
  return async (_prev: ActionState | undefined, raw: FormData | unknown): Promise<ActionState> => {
    try {
      const actor = await currentActor();
      if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
      if (!hasRole(actor, roles)) return { ok: false, message: "Your role does not allow this." };
      const input = raw instanceof FormData ? formDataToObject(raw) : raw;
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const flat = parsed.error.flatten();
        const formErrors = flat.formErrors.join(" ");
        return {
          ok: false,
          errors: flat.fieldErrors as Record<string, string[]>,
          message: formErrors || "Some fields need attention.",
        };
      }
      return await handler(actor, parsed.data);
    } catch (e) {
      const safe = toSafeError(e);
      return { ok: false, message: safe.message, errors: safe.fieldErrors };
    }
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
