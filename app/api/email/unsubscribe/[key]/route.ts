// POST /api/email/unsubscribe/{key}: one-click unsubscribe without signing in (RFC 8058; the key is in
// the email's List-Unsubscribe header and footer). Mail clients get 200; the page's form gets 303 back.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { readFormWithin } from "@/lib/http/bounded-body";
import { anyone, route } from "@/lib/http/route";
import { SafeError } from "@/lib/errors/safe-error";
import { setUnsubscribed } from "@/lib/email/unsubscribe";
import { unsubscribeFormSchema, unsubscribeKeySchema } from "@/lib/email/unsubscribe-schemas";

export const dynamic = "force-dynamic";

export const POST = route(anyone<{ key: string }>(), async (req: NextRequest, { params }) => {
  const key = unsubscribeKeySchema.safeParse(params.key);
  if (!key.success)
    throw new SafeError("not_found", "This unsubscribe link is not valid. Use the link in a more recent email.");
  const form = unsubscribeFormSchema.safeParse(await readFormWithin(req, env().REQUEST_MAX_BODY_BYTES));
  if (!form.success)
    throw new SafeError("unprocessable", form.error.issues[0]?.message ?? "Choose unsubscribe or resubscribe.");
  const view = await setUnsubscribed(key.data, form.data.unsubscribed);
  if (form.data.fromPage)
    return NextResponse.redirect(`${env().PUBLIC_URL}/unsubscribe/${encodeURIComponent(key.data)}`, 303);
  return NextResponse.json({ message: `${view.address} is unsubscribed from ${view.label}.` });
});
