import "server-only";
// Job handlers of lib/integrations (registered in lib/jobs/registry.ts).
import type { JobHandler } from "@/lib/jobs/types";

export const integrationJobHandlers: JobHandler[] = [];
