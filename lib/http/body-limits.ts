// The body bounds Next.js itself enforces for server actions (issue 20 item 6), set in next.config.ts. Pure,
// and free of path aliases and imports, because next.config.ts imports it.

/**
 * The largest file a server action takes: the key import's CSV upload (lib/customers/key-import-limits.ts takes
 * its MAX_IMPORT_FILE_BYTES from here, so the domain's bound and the body bound can not drift apart).
 */
export const SERVER_ACTION_MAX_FILE_BYTES = 900_000;

/**
 * The largest server action body: the largest file (SERVER_ACTION_MAX_FILE_BYTES) with room for the multipart
 * framing and the form's other fields. Every other form is a few kilobytes. Next answers a larger body with an
 * error and never runs the action.
 */
export const SERVER_ACTION_MAX_BODY_BYTES = SERVER_ACTION_MAX_FILE_BYTES + 100_000;

/**
 * Next copies each page POST for the proxy (proxy.ts) up to this bound, and past it hands the action a body CUT
 * at a chunk boundary. Kept a whole megabyte above the action's bound, so a cut body is always still larger than
 * SERVER_ACTION_MAX_BODY_BYTES and refused, never parsed as a shorter form.
 */
export const SERVER_ACTION_PROXY_BODY_BYTES = SERVER_ACTION_MAX_BODY_BYTES + 1_048_576;
