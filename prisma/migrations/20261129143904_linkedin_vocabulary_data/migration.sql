-- Data, not schema (issue 9): LinkedIn's vocabulary replaces what Onramp had invented.
-- There is no integration type RECRUITER_SYSTEM_CONNECT (L13) and no configuration key
-- ENTITY_VISIBILITY_DEFAULT (L14). Tested by lib/db/vocabulary-migration.db.test.ts.
-- No semicolons inside comments or strings here: the pg adapter splits scripts at every one.

-- 1. The configuration key table starts from L14. Operators edit it in the console as before.
DELETE FROM "ConfigurationKeyRequirement"
WHERE "integrationType" IN ('RECRUITER_SYSTEM_CONNECT', 'INMAIL_HISTORY_SYNC') OR "key" = 'ENTITY_VISIBILITY_DEFAULT';

-- The baseline put CALLBACK_URL on every type (seed 001, C16). L14 lists it on ONE_CLICK_EXPORT only,
-- and an operator may add it to other types. Rows an operator created keep their own ids and stay.
DELETE FROM "ConfigurationKeyRequirement"
WHERE "id" LIKE 'baseline-callback-%' AND "integrationType" <> 'ONE_CLICK_EXPORT';

INSERT INTO "ConfigurationKeyRequirement" ("id", "integrationType", "key", "label", "description", "valueSource", "defaultValue", "customerEditable", "onlyWithoutAccessControls", "createdAt", "updatedAt")
VALUES
  ('baseline-callback-one_click_export', 'ONE_CLICK_EXPORT', 'CALLBACK_URL', 'Callback URL',
   'Where LinkedIn sends this customer''s push notifications (L14, C16, C21).', 'CALLBACK_URL', NULL, false, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('baseline-job-posting-viewers', 'ONE_CLICK_EXPORT', 'JOB_POSTING_VIEWERS', 'Who sees exported job postings',
   'ALL_PRODUCT_USERS when the customer does not use access controls in the ATS, removed when it does (L14, RSC-104).', 'DEFAULT', 'ALL_PRODUCT_USERS', false, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('baseline-application-viewers', 'IN_ATS_INDICATOR', 'APPLICATION_VIEWERS', 'Who sees applications',
   'ALL_PRODUCT_USERS when the customer does not use access controls in the ATS, removed when it does (L14, RSC-104).', 'DEFAULT', 'ALL_PRODUCT_USERS', false, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT ("integrationType", "key") DO NOTHING;

-- 2. The invented key's values. LinkedIn never held them (its tuple was invented too).
DELETE FROM "IntegrationConfiguration" WHERE "key" = 'ENTITY_VISIBILITY_DEFAULT';

-- 3. Integrations of the invented type become what the bundle really yields (L12):
--    an organization context is the RSC company bundle, ONE_CLICK_EXPORT plus IN_ATS_INDICATOR and PROFILE_PLUGIN,
--    a contract context is the RSC contract bundle, CSA_API.
--    A row whose real counterpart the customer already has is the same integration twice: it goes.
DELETE FROM "Integration" AS old
WHERE old."integrationType" = 'RECRUITER_SYSTEM_CONNECT'
  AND EXISTS (
    SELECT 1 FROM "Integration" AS existing
    WHERE existing."customerId" = old."customerId" AND existing."integrationContext" = old."integrationContext"
      AND existing."tenantType" = old."tenantType" AND existing."dataProvider" = old."dataProvider"
      AND existing."integrationType" = CASE WHEN old."integrationContext" LIKE 'urn:li:contract:%' THEN 'CSA_API' ELSE 'ONE_CLICK_EXPORT' END
  );

-- The other configurations of the invented-type rows were sent for the invented tuple: they must be sent again.
UPDATE "IntegrationConfiguration" AS cfg SET "syncState" = 'PENDING', "syncError" = NULL
FROM "Integration" AS i
WHERE i."id" = cfg."integrationId" AND i."integrationType" = 'RECRUITER_SYSTEM_CONNECT';

-- The company bundle's two other tuples, REQUESTED as the plugin would have stored them (C7, L12).
WITH sibling AS (
  SELECT i."customerId", i."integrationContext", i."tenantType", c."displayName", t.type, t.label
  FROM "Integration" AS i JOIN "Customer" AS c ON c."id" = i."customerId"
  CROSS JOIN (VALUES ('IN_ATS_INDICATOR', 'In-ATS Indicator'), ('PROFILE_PLUGIN', 'Profile Plugin')) AS t(type, label)
  WHERE i."integrationType" = 'RECRUITER_SYSTEM_CONNECT' AND i."integrationContext" LIKE 'urn:li:organization:%'
), inserted AS (
  INSERT INTO "Integration" ("id", "customerId", "integrationContext", "integrationType", "tenantType", "dataProvider", "name",
                             "onboardingStatus", "statusChangedAt", "statusSource", "updatedAt")
  SELECT 'mig9_' || md5(s."customerId" || s."integrationContext" || s.type), s."customerId", s."integrationContext", s.type, s."tenantType", 'ATS',
         s."displayName" || '''s LinkedIn Recruiter ' || s.label || ' Integration', 'REQUESTED', CURRENT_TIMESTAMP, 'WIDGET', CURRENT_TIMESTAMP
  FROM sibling AS s
  ON CONFLICT ("customerId", "integrationContext", "integrationType", "tenantType", "dataProvider") DO NOTHING
  RETURNING "id"
)
INSERT INTO "IntegrationStatusChange" ("id", "integrationId", "fromStatus", "toStatus", "source", "createdAt")
SELECT 'mig9_' || md5(inserted."id"), inserted."id", NULL, 'REQUESTED', 'WIDGET', CURRENT_TIMESTAMP FROM inserted;

-- The row itself becomes the real type. The new tuple is unknown at LinkedIn until Onramp sends its name
-- and configurations again: both pending. A name still the old default gets the new default (seed 001's
-- pattern), a name the customer chose stays.
UPDATE "Integration" AS i SET
  "integrationType" = CASE WHEN i."integrationContext" LIKE 'urn:li:contract:%' THEN 'CSA_API' ELSE 'ONE_CLICK_EXPORT' END,
  "name" = CASE WHEN i."name" = c."displayName" || '''s LinkedIn Recruiter System Connect Integration'
    THEN c."displayName" || CASE WHEN i."integrationContext" LIKE 'urn:li:contract:%'
      THEN '''s LinkedIn Recruiter Candidate Sync API Integration' ELSE '''s LinkedIn Recruiter One-Click Export Integration' END
    ELSE i."name" END,
  "nameVersion" = i."nameVersion" + 1,
  "nameSyncState" = 'PENDING',
  "nameSyncError" = NULL,
  "nameSyncAttempts" = 0,
  "configSyncState" = 'PENDING',
  "configSyncError" = NULL,
  "updatedAt" = CURRENT_TIMESTAMP
FROM "Customer" AS c
WHERE c."id" = i."customerId" AND i."integrationType" = 'RECRUITER_SYSTEM_CONNECT';
