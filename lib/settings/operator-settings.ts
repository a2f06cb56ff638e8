import "server-only";
// Operator-editable settings in the Setting table (issue #6). The environment gives each default; a
// stored value wins. The issues view reads stuckAfterHours (lib/support/issues.ts) from the same key.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { OPERATOR_SETTINGS, OPERATOR_SETTING_KEYS, type OperatorSettingKey } from "./schemas";

function defaults(): Record<OperatorSettingKey, number> {
  return { stuckAfterHours: env().STUCK_AFTER_HOURS, partnerReadyReminderDays: env().NUDGE_REMINDER_DAYS };
}

export type OperatorSettingValue = {
  key: OperatorSettingKey;
  value: number;
  isDefault: boolean;
  defaultValue: number;
  updatedAt: Date | null;
};

export async function operatorSettings(): Promise<OperatorSettingValue[]> {
  const rows = await db.setting.findMany({ where: { key: { in: OPERATOR_SETTING_KEYS } } });
  const d = defaults();
  return OPERATOR_SETTING_KEYS.map((key) => {
    const row = rows.find((r) => r.key === key);
    const parsed = row ? OPERATOR_SETTINGS[key].schema.safeParse(row.value) : undefined;
    return parsed?.success
      ? { key, value: parsed.data, isDefault: false, defaultValue: d[key], updatedAt: row?.updatedAt ?? null }
      : { key, value: d[key], isDefault: true, defaultValue: d[key], updatedAt: null };
  });
}

export async function updateOperatorSetting(actor: Actor, key: OperatorSettingKey, raw: unknown): Promise<number> {
  const def = OPERATOR_SETTINGS[key];
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success)
    throw new SafeError("unprocessable", "Check the value.", { value: parsed.error.issues.map((i) => i.message) });
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key } });
    await tx.setting.upsert({ where: { key }, create: { key, value: parsed.data }, update: { value: parsed.data } });
    await recordAudit(
      actor,
      {
        action: "setting.updated",
        targetType: "Setting",
        targetId: key,
        details: { key, from: before?.value ?? null, to: parsed.data },
      },
      tx,
    );
  });
  return parsed.data;
}
