// The bounds of a bulk import of existing keys (C1, L21, issue 10 item 7). Pure: the forms, the schemas and the
// vendor API read them.
import { SERVER_ACTION_MAX_FILE_BYTES } from "@/lib/http/body-limits";

/**
 * ASSUMPTION (LinkedIn documents no limit): at most this many rows per file or request, so one import stays a job
 * of minutes (every row is one paced token request) and its page stays readable.
 */
export const MAX_IMPORT_ROWS = 5000;

/** ASSUMPTION: the CSV a server action takes in one request: the largest file lib/http/body-limits.ts lets an action's body carry. */
export const MAX_IMPORT_FILE_BYTES = SERVER_ACTION_MAX_FILE_BYTES;

/**
 * Most bytes of a POST /api/v1/key-imports body (issue 20 item 6): the JSON of a CSV file at its own bound
 * (MAX_IMPORT_FILE_BYTES), with room for JSON's quoting and keys; larger answers 413.
 */
export const MAX_IMPORT_BODY_BYTES = 2_000_000;
