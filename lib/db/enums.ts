// Enums of the data model, importable from client components (no database code).
export {
  ApplicationOrigin,
  ConfigurationValueSource,
  EmailCategory,
  EmailStatus,
  EmailTemplate,
  JobKind,
  JobStatus,
  KeyImportRowStatus,
  NotificationState,
  OnboardingStatus,
  Role,
  StatusSource,
  SupportIssueState,
  SupportIssueType,
  SyncState,
  WebhookDeliveryState,
} from "./generated/enums";
