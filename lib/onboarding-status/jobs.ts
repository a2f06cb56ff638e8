import "server-only";
// Job handlers of lib/onboarding-status: the fallback poll and re-checks (registered in lib/jobs/registry.ts).
import type { JobHandler } from "@/lib/jobs/types";

export const onboardingStatusJobHandlers: JobHandler[] = [];
