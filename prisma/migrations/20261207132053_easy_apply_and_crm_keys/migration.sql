-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "linkedInEasyApply" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "linkedInEasyApplyChangedAt" TIMESTAMP(3);

-- Data (issue 23 point 5): the configuration key table gets Talent CRM Connect's keys (L28, named by third
-- parties only, ASSUMPTION): CALLBACK_URL, mandatory on CRM_ONE_CLICK_EXPORT, and APPLICATION_VIEWERS on
-- IN_CRM_INDICATOR (like IN_ATS_INDICATOR's, L14). Operators edit the table in the console as before.
-- No semicolons inside comments or strings here: the pg adapter splits scripts at every one.
INSERT INTO "ConfigurationKeyRequirement" ("id", "integrationType", "key", "label", "description", "valueSource", "defaultValue", "customerEditable", "onlyWithoutAccessControls", "createdAt", "updatedAt")
VALUES
  ('baseline-callback-crm_one_click_export', 'CRM_ONE_CLICK_EXPORT', 'CALLBACK_URL', 'Callback URL',
   'Where LinkedIn sends this customer''s push notifications (L28, C16, C21).', 'CALLBACK_URL', NULL, false, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('baseline-crm-application-viewers', 'IN_CRM_INDICATOR', 'APPLICATION_VIEWERS', 'Who sees applications',
   'ALL_PRODUCT_USERS when the customer does not use access controls in the ATS, removed when it does (L28, L14).', 'DEFAULT', 'ALL_PRODUCT_USERS', false, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT ("integrationType", "key") DO NOTHING;
