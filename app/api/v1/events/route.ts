// GET /api/v1/events: the event feed (issue 12).
import { readFeed } from "@/lib/events/feed";
import { OPERATIONS } from "@/lib/vendor-api/operations";
import { apiRoute } from "@/lib/vendor-api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPERATIONS.listEvents, async ({ query }) => {
  const page = await readFeed({
    cursor: query.cursor,
    types: query.types,
    customerId: query.customerId,
    limit: query.limit,
  });
  return { data: page.events, nextCursor: page.nextCursor, hasMore: page.hasMore };
});
