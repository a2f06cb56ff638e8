// Form fields the console's actions share (issue #13). Pure zod, for server actions only.
import { z } from "zod";

/** A row id posted by a hidden field. */
export const idField = z.string().trim().min(1, "Missing id.").max(64);
