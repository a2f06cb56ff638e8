import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { OperatorApiTokenForm } from "@/components/console/operator-api-token-form";
import { OperatorConfigurationKeyForm } from "@/components/console/operator-configuration-key-form";
import { OperatorSettingForm } from "@/components/console/operator-setting-form";
import { ScrollRegion } from "@/components/layout/scroll-region";
import { listApiTokens } from "@/lib/api-tokens/tokens";
import { requirePageActor } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { listConfigurationKeys } from "@/lib/settings/configuration-keys";
import { operatorSettings } from "@/lib/settings/operator-settings";
import { OPERATOR_SETTINGS, VALUE_SOURCE_LABELS } from "@/lib/settings/schemas";
import {
  createApiTokenAction,
  createConfigurationKeyAction,
  deleteConfigurationKeyAction,
  revokeApiTokenAction,
  updateConfigurationKeyAction,
  updateSettingAction,
} from "./actions";

export const metadata: Metadata = { title: "Settings" };

const when = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 16)} UTC` : "never");

export default async function SettingsPage() {
  await requirePageActor(OPERATOR_ONLY, "/console/settings");
  const now = new Date();
  const [keys, tokens, settings] = await Promise.all([listConfigurationKeys(), listApiTokens(), operatorSettings()]);
  const byType = new Map<string, typeof keys>();
  for (const k of keys) byType.set(k.integrationType, [...(byType.get(k.integrationType) ?? []), k]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>

      <section aria-labelledby="config-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="config-heading" className="text-lg font-semibold">
          Configuration keys per integration type
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Which configuration values Onramp submits to LinkedIn for each integration type. LinkedIn lists them on its
          &quot;Integration Types&quot; page; keep this table in step with it.
        </p>
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
                      <OperatorConfigurationKeyForm
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
            <OperatorConfigurationKeyForm
              action={createConfigurationKeyAction}
              formId="new-key"
              submitLabel="Add key"
            />
          </div>
        </details>
      </section>

      <section aria-labelledby="tokens-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          For your ATS backend to call the{" "}
          <a href="/api/v1/openapi.json" className="text-blue-800 underline">
            Onramp API
          </a>
          . Tokens are stored hashed: copy a new one when it is shown.
        </p>
        <div className="mt-3">
          <OperatorApiTokenForm action={createApiTokenAction} />
        </div>
        <ScrollRegion label="API tokens" className="mt-4">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">API tokens</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Scopes
                </th>
                <th scope="col" className="px-3 py-2">
                  Last used
                </th>
                <th scope="col" className="px-3 py-2">
                  Expires
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    {t.name}
                    <span className="block font-mono text-xs text-slate-600">{t.prefix}…</span>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{t.scopes.join(", ")}</td>
                  <td className="px-3 py-2">{when(t.lastUsedAt)}</td>
                  <td className="px-3 py-2">
                    {t.expiresAt ? `${t.expiresAt <= now ? "Expired " : ""}${when(t.expiresAt)}` : "Never"}
                  </td>
                  <td className="px-3 py-2">
                    {t.revokedAt ? (
                      <span className="text-slate-600">Revoked {when(t.revokedAt)}</span>
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
              {tokens.length === 0 ? (
                <tr>
                  <td colSpan={5} className="px-3 py-4 text-center text-slate-600">
                    No tokens yet.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="tuning-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="tuning-heading" className="text-lg font-semibold">
          Onboarding settings
        </h2>
        <div className="mt-3 space-y-4">
          {settings.map((s) => (
            <OperatorSettingForm
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
      </section>
    </div>
  );
}
