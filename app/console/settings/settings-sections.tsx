// The settings page's sections (issue #6), each an async server component that awaits its own read, so the page's
// frame is sent at once and each section streams in behind its own Suspense boundary (issue 21, point 1).
import { ActionForm } from "@/components/ui/action-form";
import { ApiFamilyForm } from "@/components/console/api-family-form";
import { ApiTokenForm } from "@/components/console/api-token-form";
import { ConfigurationKeyForm } from "@/components/console/configuration-key-form";
import { Section } from "@/components/ui/section";
import { SettingForm } from "@/components/console/setting-form";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listApiTokens } from "@/lib/api-tokens/tokens";
import { currentApiChoice, envApiChoice } from "@/lib/linkedin/api-choice";
import { listConfigurationKeys } from "@/lib/settings/configuration-keys";
import { operatorSettings } from "@/lib/settings/operator-settings";
import { OPERATOR_SETTINGS, VALUE_SOURCE_LABELS } from "@/lib/settings/schemas";
import {
  createApiTokenAction,
  createConfigurationKeyAction,
  deleteConfigurationKeyAction,
  revokeApiTokenAction,
  updateConfigurationKeyAction,
  updateLinkedInApiAction,
  updateSettingAction,
} from "./actions";

export async function ConfigurationKeysSection() {
  const keys = await listConfigurationKeys();
  const byType = new Map<string, typeof keys>();
  for (const k of keys) byType.set(k.integrationType, [...(byType.get(k.integrationType) ?? []), k]);
  return (
    <Section
      id="config"
      title="Configuration keys per integration type"
      description={
        <>
          Which configuration values Onramp submits to LinkedIn for each integration type. LinkedIn lists them on its
          &quot;Integration Types&quot; page; keep this table in step with it.
        </>
      }
      card
    >
      {[...byType.entries()].map(([type, rows]) => (
        <div key={type} className="mt-4">
          <h3 className="font-mono text-sm font-semibold">{type}</h3>
          <ul className="mt-1 divide-y divide-slate-100 rounded border border-slate-200">
            {rows.map((k) => (
              <li key={k.id} className="p-3 text-sm">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p>
                      <span className="font-mono">{k.key}</span> · {k.label}
                    </p>
                    <p className="text-xs text-slate-600">
                      {VALUE_SOURCE_LABELS[k.valueSource]}
                      {k.defaultValue ? ` · default “${k.defaultValue}”` : ""}
                      {k.customerEditable ? " · customer may change it" : ""}
                      {k.onlyWithoutAccessControls ? " · only customers without access controls (ACLs)" : ""}
                    </p>
                  </div>
                  {k.valueSource !== "CALLBACK_URL" ? (
                    <ActionForm
                      action={deleteConfigurationKeyAction}
                      fields={{ id: k.id }}
                      label={`Remove ${k.key} from ${type}`}
                      variant="danger"
                    />
                  ) : null}
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-blue-800">
                    Edit
                    <span className="sr-only">
                      {" "}
                      {k.key} of {type}
                    </span>
                  </summary>
                  <div className="mt-2">
                    <ConfigurationKeyForm
                      action={updateConfigurationKeyAction}
                      values={k}
                      formId={`edit-${k.id}`}
                      submitLabel="Save key"
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <details className="mt-4 rounded border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium">Add a configuration key</summary>
        <div className="mt-3">
          <ConfigurationKeyForm action={createConfigurationKeyAction} formId="new-key" submitLabel="Add key" />
        </div>
      </details>
    </Section>
  );
}

export async function ApiTokensSection() {
  const tokens = await listApiTokens();
  const now = new Date();
  return (
    <Section
      id="tokens"
      title="API tokens"
      description={
        <>
          For your ATS backend to call the{" "}
          <a href="/api/v1/openapi.json" className="text-blue-800 underline">
            Onramp API
          </a>
          . Tokens are stored hashed: copy a new one when it is shown.
        </>
      }
      card
    >
      <ApiTokenForm action={createApiTokenAction} />
      <Table
        caption="API tokens"
        columns={["Name", "Scopes", "Last used", "Expires", { hidden: "Actions" }]}
        className="mt-4"
        empty={{ when: tokens.length === 0, text: "No tokens yet." }}
      >
        {tokens.map((t) => (
          <tr key={t.id} className="border-b border-slate-100 align-top">
            <td className="py-2 pr-4">
              {t.name}
              <span className="block font-mono text-xs text-slate-600">{t.prefix}…</span>
            </td>
            <td className="py-2 pr-4 font-mono text-xs">{t.scopes.join(", ")}</td>
            <td className="py-2 pr-4">
              <Time value={t.lastUsedAt} empty="never" />
            </td>
            <td className="py-2 pr-4">
              {t.expiresAt && t.expiresAt <= now ? "Expired " : ""}
              <Time value={t.expiresAt} empty="Never" />
            </td>
            <td className="py-2">
              {t.revokedAt ? (
                <span className="text-slate-600">
                  Revoked <Time value={t.revokedAt} />
                </span>
              ) : (
                <ActionForm
                  action={revokeApiTokenAction}
                  fields={{ id: t.id }}
                  label={`Revoke ${t.name}`}
                  variant="danger"
                />
              )}
            </td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

export async function OnboardingSettingsSection() {
  const settings = await operatorSettings();
  return (
    <Section id="tuning" title="Onboarding settings" card>
      <div className="space-y-4">
        {settings.map((s) => (
          <SettingForm
            key={s.key}
            action={updateSettingAction}
            settingKey={s.key}
            label={OPERATOR_SETTINGS[s.key].label}
            description={OPERATOR_SETTINGS[s.key].description}
            value={s.value}
            defaultValue={s.defaultValue}
          />
        ))}
      </div>
    </Section>
  );
}

/** The LinkedIn API family and version this environment speaks (issue 23, L22, L23). */
export async function LinkedInApiSection() {
  const now = await currentApiChoice();
  const fromEnv = envApiChoice();
  const speaks = (c: { family: string; version: string }) =>
    `${c.family}${c.version ? ` · LinkedIn-Version ${c.version}` : ""}`;
  return (
    <Section
      id="linkedin-api"
      title="LinkedIn API"
      description={
        <>
          Which of LinkedIn&apos;s API families Onramp uses for integrations. A switch applies from the next call: work
          in progress continues or retries in the new family, and no data changes.
        </>
      }
      card
    >
      <p className="text-sm" data-testid="linkedin-api-in-force">
        This environment speaks <span className="font-mono">{speaks(now)}</span> (
        {now.source === "setting" ? "chosen here" : "the environment's default"}; default{" "}
        <span className="font-mono">{speaks(fromEnv)}</span>).
      </p>
      <div className="mt-4">
        <ApiFamilyForm action={updateLinkedInApiAction} family={now.family} version={now.version} />
      </div>
    </Section>
  );
}
