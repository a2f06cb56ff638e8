import "server-only";

// Onboarding status after the widget (C18, C19, C19b, C28): the one place it changes, the fallback
// poll, re-checks, and what the console may ask for.
export { type ApplyStatusInput, type ApplyStatusResult, applyOnboardingStatus, isNewer } from "./apply";
export { describePoll, POLLED_STATUSES, type PollSkip, type PollSummary, runPoll } from "./poll";
export { POLL_LOCK_KEY, tryPollLock } from "./poll-lock";
export { runRecheck } from "./recheck";
export { enqueuePoll, recheckIntegration, requestCustomerPoll, requestPoll } from "./requests";
export { onPollTick, POLL_SCHEDULE_QUEUE, pollCron, SCHEDULED_POLL_TRIGGER } from "./schedule";
