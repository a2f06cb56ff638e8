// Enums of the data model, importable from client components (no database code).
export {
  Role,
  OnboardingStatus,
  StatusSource,
  SyncState,
  NotificationState,
  JobKind,
  JobStatus,
  ApplicationOrigin,
  ConfigurationValueSource,
} from "./generated/enums";
