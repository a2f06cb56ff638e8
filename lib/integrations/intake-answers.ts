// What the customer admin reads after the widget's hand-over (issue 25 point 1): each sentence keeps the lib's
// English for staff, logs and English readers, beside its catalogue key under "Answers", so the action says it
// in the admin's language. Pure: no database, no request.
import type { Notice } from "@/lib/errors/notice";
import type { WidgetTuple } from "./tuple-schemas";

/** One sentence: the lib's English and its catalogue key. */
export type Said = { message: string; notice: Notice };

/** A tuple refused alone: its 1-based place in the callback and why. */
export type RefusedTuple = { position: number; reason: string; notice: Notice };

type Reason = Omit<RefusedTuple, "position">;

const tupleLabel = (t: WidgetTuple) => `${t.integrationType} for ${t.integrationContext}`;
const tupleValues = (t: WidgetTuple) => ({ type: t.integrationType, context: t.integrationContext });
const integrations = (k: number) => `${k} integration${k === 1 ? "" : "s"}`;

/** Malformed (C12): the detail is zod's technical account of the fields, shown as it is. */
export function notRecognised(detail: string): Reason {
  return { reason: `not recognised (${detail})`, notice: { key: "tupleNotRecognised", values: { detail } } };
}

/** Of a bundle this customer was not offered (C6, L11). */
export function notOffered(t: WidgetTuple): Reason {
  return {
    reason: `${tupleLabel(t)} is not offered to your company; ask your vendor to offer it if you need it`,
    notice: { key: "tupleNotOffered", values: tupleValues(t) },
  };
}

/** LinkedIn does not hold it for the customer's application (C19b, issue 20). */
export function notConfirmed(t: WidgetTuple): Reason {
  return {
    reason:
      `LinkedIn has no record of this authorization for your account (${tupleLabel(t)}). ` +
      "If your company manages this LinkedIn page or contract, authorize it again in the LinkedIn panel while signed in " +
      "to LinkedIn as one of its admins",
    notice: { key: "tupleNotConfirmed", values: tupleValues(t) },
  };
}

/** Every refusal, each named by its place: the English joined, and one notice per refusal. */
function refusals(refused: RefusedTuple[]): { english: string; notices: Notice[] } {
  return {
    english: refused.map((r) => `integration ${r.position}: ${r.reason}`).join(" / "),
    notices: refused.map((r) => ({ key: "tupleRefused", values: { position: r.position, reason: r.notice } })),
  };
}

export function nothingStored(refused: RefusedTuple[]): Said {
  const { english, notices } = refusals(refused);
  return {
    message: `Onramp did not store anything: ${english}. If this keeps happening, contact your vendor's support team.`,
    notice: { key: "intakeNothingStored", values: { refusals: notices } },
  };
}

export function notStored(refused: RefusedTuple[]): Said {
  const { english, notices } = refusals(refused);
  return { message: `Not stored: ${english}.`, notice: { key: "intakeNotStored", values: { refusals: notices } } };
}

export function storedSummary(created: number, existing: number): Said | undefined {
  if (created > 0)
    return {
      message: `Stored ${integrations(created)}${existing > 0 ? ` (${existing} already known)` : ""}. Onramp is sending ${created === 1 ? "its" : "their"} name${created === 1 ? "" : "s"} and settings to LinkedIn now.`,
      notice: { key: "intakeStored", values: { created, existing } },
    };
  if (existing > 0)
    return {
      message: `${integrations(existing)} already stored; nothing new to add.`,
      notice: { key: "intakeAlreadyStored", values: { existing } },
    };
  return undefined;
}

export function waitingForLinkedIn(waiting: number): Said {
  const them = waiting === 1 ? "it" : "them";
  return {
    message: `LinkedIn could not be asked to confirm ${integrations(waiting)} just now; Onramp asks again within the hour and adds ${them} here once LinkedIn confirms ${them}.`,
    notice: { key: "intakeWaiting", values: { waiting } },
  };
}
