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
  EmailTemplate,
  EmailStatus,
  EmailCategory,
} from "./generated/enums";
