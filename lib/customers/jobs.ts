import "server-only";
// Job handlers of lib/customers (registered in lib/jobs/registry.ts).
import type { JobHandler } from "@/lib/jobs/types";

export const customerJobHandlers: JobHandler[] = [];
