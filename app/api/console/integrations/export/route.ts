// CSV of the overview's filtered integration list (issue #6), streamed in keyset batches so memory
// stays flat with tens of thousands of rows. Staff only; no secret column is ever read (C3).
import { session } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { csvLine } from "@/lib/support/csv";
import { filterQuery, integrationFilterSchema, firstValues } from "@/lib/support/filters";
import { integrationBatches } from "@/lib/support/overview";
import { route } from "@/lib/http/route";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const HEADER = [
  "customer_id",
  "customer_name",
  "customer_foreign_id",
  "integration_id",
  "integration_name",
  "integration_type",
  "tenant_type",
  "integration_context",
  "onboarding_status",
  "status_source",
  "status_changed_at",
  "name_sync_state",
  "name_sync_error",
  "config_sync_state",
  "config_sync_error",
  "keys_refused",
];

export const GET = route(session(STAFF_ROLES), async (req, { actor }) => {
  const filter = integrationFilterSchema.parse(firstValues(req.nextUrl.searchParams));
  await recordAudit(actor, {
    action: "integrations.exported",
    targetType: "Integration",
    details: filterQuery(filter),
  });
  const encoder = new TextEncoder();
  const batches = integrationBatches(filter);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(HEADER)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        const text = next.value
          .map((i) =>
            csvLine([
              i.customerId,
              i.customerName,
              i.customerForeignId,
              i.id,
              i.name,
              i.integrationType,
              i.tenantType,
              i.integrationContext,
              i.onboardingStatus,
              i.statusSource,
              i.statusChangedAt,
              i.nameSyncState,
              i.nameSyncError,
              i.configSyncState,
              i.configSyncError,
              i.keysRefused,
            ]),
          )
          .join("");
        controller.enqueue(encoder.encode(text));
      } catch (err) {
        // The status line is already sent: end the download as failed rather than as a short file.
        logger().error({ err }, "integration export failed");
        controller.error(err);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="onramp-integrations-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
