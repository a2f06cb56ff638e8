// LinkedIn's own words from an error body, shortened for a message a person reads. Pure.
import { oauthErrorSchema, restliErrorSchema } from "./schemas";

const MAX_DETAIL_CHARS = 300;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS - 1)}…` : flat;
}

/** The `message` of a Rest.li error or the `error_description` of an OAuth error; "" when neither. */
export function describeErrorBody(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "";
  }
  const restli = restliErrorSchema.safeParse(json);
  if (restli.success && restli.data.message) return oneLine(restli.data.message);
  const oauth = oauthErrorSchema.safeParse(json);
  if (oauth.success) return oneLine(oauth.data.error_description ?? oauth.data.error);
  return "";
}

/** One entity's error of a batch answer, as a sentence (C14). */
export function describeEntityError(
  error: { status?: number; message?: string } | undefined,
  status: number | undefined,
): string {
  const code = error?.status ?? status;
  const what = error?.message ? oneLine(error.message) : "no reason given";
  return code !== undefined
    ? `LinkedIn refused this integration (HTTP ${code}): ${what}`
    : `LinkedIn refused this integration: ${what}`;
}
