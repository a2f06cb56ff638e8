// POST/GET /api/linkedin/callback/{callbackKey}: one customer's push notification URL (C20–C23).
// LinkedIn calls it, so it is NOT behind the session guard; its errors are mapped in one place
// (lib/notifications/receive.ts), and anything that escapes that answers 500 with no body (C23).
// The body is read raw, bounded, by the handler itself: nothing may buffer or alter it first.
// POST only: no GET challenge, which would sign caller-chosen text with the customer's secret (L19);
// Next answers 405 for other methods.
import { after } from "next/server";
import { receiveNotification } from "@/lib/notifications/receive";
import { logger } from "@/lib/log/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const revalidate = 0;

type Context = { params: Promise<{ callbackKey: string }> };

async function guarded(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (err) {
    logger().error({ err }, "callback route failed");
    return new Response(null, { status: 500, headers: { "cache-control": "no-store" } });
  }
}

export function POST(req: Request, ctx: Context): Promise<Response> {
  return guarded(async () => receiveNotification(req, (await ctx.params).callbackKey, (work) => after(work)));
}
