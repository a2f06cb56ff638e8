-- Baseline data, not schema: the configuration keys every install starts with (C15 to C17).
-- Operators edit or delete them in the console. Onramp sends each integration its callback URL
-- even without these rows (C16), so they exist for display and editing.
-- No semicolons inside comments or strings here: the pg adapter splits scripts at every one.

-- C16, C21: every integration type gets the customer's own callback URL
INSERT INTO "ConfigurationKeyRequirement" ("id", "integrationType", "key", "label", "description", "valueSource", "defaultValue", "customerEditable", "createdAt", "updatedAt")
SELECT 'baseline-callback-' || lower(t.type), t.type, 'CALLBACK_URL', 'Callback URL',
       'Where LinkedIn sends this customer''s push notifications (C16, C21).', 'CALLBACK_URL', NULL, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM (VALUES ('RECRUITER_SYSTEM_CONNECT'), ('ONE_CLICK_EXPORT'), ('INMAIL_HISTORY_SYNC'), ('APPLY_CONNECT'), ('APPLY_WITH_LINKEDIN')) AS t(type)
ON CONFLICT ("integrationType", "key") DO NOTHING;

-- C17: visibility of records without access controls, offered to the customer on RSC integrations
INSERT INTO "ConfigurationKeyRequirement" ("id", "integrationType", "key", "label", "description", "valueSource", "defaultValue", "customerEditable", "createdAt", "updatedAt")
VALUES ('baseline-visibility-rsc', 'RECRUITER_SYSTEM_CONNECT', 'ENTITY_VISIBILITY_DEFAULT', 'Visibility of records without access controls',
        'If you do not restrict which recruiters see which candidates and jobs (or your ATS cannot), keep SHOW_ENTITIES_WITHOUT_ACLS so LinkedIn shows them (C17).',
        'CUSTOMER', 'SHOW_ENTITIES_WITHOUT_ACLS', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT ("integrationType", "key") DO NOTHING;
