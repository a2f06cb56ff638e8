import "server-only";
// Every column in which Onramp stores a lib/crypto envelope (C3), with the context (associated data) its
// writers bind it to. Re-encryption (./reencrypt.ts) rebuilds each context with the writers' own builders,
// so a re-sealed envelope still opens only for its row and purpose. A new encrypted column belongs here.
import type { Prisma } from "@/lib/db/generated/client";
import { invitationLinkContext } from "@/lib/email/invitation-link";
import {
  customerAppPendingSecretContext,
  customerAppPreviousSecretContext,
  customerAppSecretContext,
  customerAppTokenContext,
  keyImportRowSecretContext,
} from "@/lib/linkedin/secret-contexts";
import { idempotentAnswerContext } from "@/lib/vendor-api/idempotency";
import { exportCandidatesContext } from "@/lib/webhooks/export-resolutions";
import { endpointSecretContext } from "@/lib/webhooks/secret";

export interface EnvelopeRow {
  id: string;
  envelope: string;
  /** The column named by `dataColumn`, when the context is built from more than the id. */
  data: Prisma.JsonValue;
}

export interface StoredEnvelope {
  /** How the report names this kind of secret. */
  kind: string;
  /** Table and column as in the migrations (fixed identifiers, never input). */
  table: string;
  column: string;
  dataColumn: string | null;
  context(row: EnvelopeRow): string;
}

/** An envelope whose context is built from its row's id alone. */
function boundToRow(kind: string, table: string, column: string, context: (id: string) => string): StoredEnvelope {
  return { kind, table, column, dataColumn: null, context: (r) => context(r.id) };
}

export const STORED_ENVELOPES: readonly StoredEnvelope[] = [
  boundToRow("customer application secret", "CustomerApplication", "clientSecretEnc", customerAppSecretContext),
  boundToRow(
    "customer application previous secret",
    "CustomerApplication",
    "previousSecretEnc",
    customerAppPreviousSecretContext,
  ),
  boundToRow(
    "customer application secret rolled, not yet current",
    "CustomerApplication",
    "pendingSecretEnc",
    customerAppPendingSecretContext,
  ),
  boundToRow("cached LinkedIn access token", "CustomerApplication", "accessTokenEnc", customerAppTokenContext),
  boundToRow("bulk import secret awaiting its check", "KeyImportRow", "clientSecretEnc", keyImportRowSecretContext),
  // Both webhook secrets are bound to the endpoint with one context (lib/webhooks/secret.ts).
  boundToRow("webhook signing secret", "WebhookEndpoint", "secretEnc", endpointSecretContext),
  boundToRow("webhook previous signing secret", "WebhookEndpoint", "previousSecretEnc", endpointSecretContext),
  // A vendor API answer kept for Idempotency-Key retries: may hold a webhook signing secret (issue 21 point 4).
  boundToRow("answer kept for an Idempotency-Key retry", "ApiIdempotencyKey", "responseEnc", idempotentAnswerContext),
  // Personal data, not a secret, but sealed the same way (issue 20 item 6).
  boundToRow("resolved One-Click Export candidates", "ExportResolution", "candidatesEnc", exportCandidatesContext),
  {
    kind: "invitation link in the email outbox",
    table: "Email",
    column: "secretEnvelope",
    dataColumn: "data",
    context: (r) => invitationLinkContext(r.data),
  },
];
