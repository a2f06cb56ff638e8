import "server-only";
// Secret rolls in flight (L7, issue 20 item 7: lib/customers/secret-roll.ts) as support sees them: on the customer
// page always, in the issues view once one has been in flight longer than UNANSWERED_ROLL_WINDOW_MS. Above all the
// roll whose answer Onramp never stored: LinkedIn may hold a secret Onramp does not, and a person must act. Only the
// roll's markers are read, never the secret columns (C3).
import { lostRollSteps, UNANSWERED_ROLL_WINDOW_MS } from "@/lib/customers/secret-roll";
import { db } from "@/lib/db/client";
import { mapRows, type Page, pagedRows, SECTION_PAGE_SIZE, orderedPage } from "@/lib/pagination/page";

/** The columns of CustomerApplication that say how a roll stands (no secret among them); clientId too for the words. */
export const SECRET_ROLL_COLUMNS = {
  secretRollStartedAt: true,
  secretRollAnsweredAt: true,
  secretRollProblem: true,
} as const;

export type SecretRollFields = {
  clientId: string;
  secretRollStartedAt: Date | null;
  secretRollAnsweredAt: Date | null;
  secretRollProblem: string | null;
};

export type SecretRollState = {
  /** waiting: LinkedIn not answered yet; settling: answer stored, being confirmed; lost: no answer stored. */
  kind: "waiting" | "settling" | "unconfirmed" | "lost";
  startedAt: Date;
  /** What happened, in plain words. */
  summary: string;
  /** What a person does; null while Onramp finishes it by itself. */
  steps: string | null;
  /** In flight longer than the window: listed in the issues view. */
  overdue: boolean;
};

const AGAIN =
  "An operator rotates the secret again on the customer's settings page: if LinkedIn rolls it, Onramp stores the " +
  "new secret and this clears.";

/** How one application's roll stands, or null when none is in flight. */
export function secretRollState(app: SecretRollFields, now = new Date()): SecretRollState | null {
  const startedAt = app.secretRollStartedAt;
  if (!startedAt) return null;
  const overdue = startedAt.getTime() < now.getTime() - UNANSWERED_ROLL_WINDOW_MS;
  const at = startedAt.toISOString();
  const answered = app.secretRollAnsweredAt;
  if (answered) {
    const stored = `LinkedIn answered the rotation started at ${at} with a new secret, and Onramp stored it (encrypted)`;
    if (!app.secretRollProblem) {
      return {
        kind: "settling",
        startedAt,
        overdue,
        summary: `${stored}; it becomes current once LinkedIn accepts it (Onramp checks every minute).`,
        steps: null,
      };
    }
    return {
      kind: "unconfirmed",
      startedAt,
      overdue,
      summary: `${stored}, but could not confirm it: ${app.secretRollProblem}`,
      steps:
        "Onramp checks again every minute. If LinkedIn keeps refusing, an operator copies a working secret from LinkedIn's " +
        `developer portal (the application with API key ${app.clientId}) and enters it with the same API key under ` +
        "Customer settings and keys.",
    };
  }
  if (!overdue && !app.secretRollProblem) {
    return {
      kind: "waiting",
      startedAt,
      overdue,
      summary: `A rotation started at ${at} is waiting for LinkedIn's answer.`,
      steps: null,
    };
  }
  return {
    kind: "lost",
    startedAt,
    overdue,
    summary:
      `LinkedIn may hold a secret Onramp does not have: Onramp asked LinkedIn for a new secret at ${at} and has no ` +
      "record of its answer (the process stopped or the database failed right after). Pushes signed with that secret " +
      `would be refused.${app.secretRollProblem ? ` ${app.secretRollProblem}` : ""}`,
    steps: `${AGAIN} ${lostRollSteps(app.clientId)}`,
  };
}

export type SecretRollIssue = {
  customerId: string;
  customerName: string;
  clientId: string;
  state: SecretRollState;
};

/** The issues view: rolls in flight longer than the window (served by the secretRollStartedAt index), oldest first. */
export async function overdueSecretRolls(
  page: number,
  now = new Date(),
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<SecretRollIssue>> {
  const where = {
    secretRollStartedAt: { lt: new Date(now.getTime() - UNANSWERED_ROLL_WINDOW_MS) },
    customer: { archivedAt: null },
  } as const;
  const found = await pagedRows(page, pageSize, (window) => [
    db.customerApplication.findMany({
      where,
      ...orderedPage({ secretRollStartedAt: "asc" }, "asc", window),
      // Never the secret or token columns (C3).
      select: { customerId: true, clientId: true, customer: { select: { displayName: true } }, ...SECRET_ROLL_COLUMNS },
    }),
    db.customerApplication.count({ where }),
  ]);
  return mapRows(found, ({ customerId, customer, ...roll }) => {
    const state = secretRollState(roll, now);
    if (!state) throw new Error("a roll in flight has no state");
    return { customerId, customerName: customer.displayName, clientId: roll.clientId, state };
  });
}
