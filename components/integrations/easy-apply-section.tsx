// Apply Connect's account-level "LinkedIn Easy Apply" toggle (L30): on by default, with LinkedIn's sentence next to it
// exactly as LinkedIn words it (English, never translated). A server component: only the form is client code.
import { getTranslations } from "next-intl/server";
import type { FormAction } from "@/lib/actions/state";
import { EASY_APPLY_TERMS } from "@/lib/customers/easy-apply-terms";
import { EasyApplyForm } from "./easy-apply-form";

const ID = "easy-apply";

export async function EasyApplySection({ enabled, action }: { enabled: boolean; action: FormAction }) {
  const t = await getTranslations("Integrations");
  return (
    <section
      aria-labelledby={`${ID}-heading`}
      className="space-y-3 rounded-lg border border-slate-200 p-4"
      data-testid="easy-apply"
    >
      <h2 id={`${ID}-heading`} className="text-lg font-semibold">
        {t("easyApplyHeading")}
      </h2>
      <p className="max-w-3xl text-sm text-slate-600">{t("easyApplyIntro")}</p>
      <EasyApplyForm
        id={ID}
        enabled={enabled}
        action={action}
        toggleLabel={t("easyApplyToggle")}
        saveLabel={t("easyApplySave")}
      >
        <p id={`${ID}-terms`} lang="en" className="max-w-3xl text-sm text-slate-700" data-testid="easy-apply-terms">
          {EASY_APPLY_TERMS}
        </p>
      </EasyApplyForm>
    </section>
  );
}
