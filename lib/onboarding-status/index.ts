import "server-only";
// Onboarding status after the widget (C18, C19, C19b, C28): the one place it changes, the fallback
// poll, re-checks, and what the console may ask for.
export { applyOnboardingStatus, isNewer, type ApplyStatusInput, type ApplyStatusResult } from "./apply";
export { runPoll, describePoll, POLLED_STATUSES, type PollSummary, type PollSkip } from "./poll";
export { enqueuePoll, requestPoll, recheckIntegration } from "./requests";
export { runRecheck } from "./recheck";
export { startPollSchedule, pollCron, onPollTick, POLL_SCHEDULE_QUEUE, SCHEDULED_POLL_TRIGGER } from "./schedule";
export { tryPollLock, POLL_LOCK_KEY } from "./poll-lock";
