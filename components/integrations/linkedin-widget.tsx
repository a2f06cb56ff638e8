"use client";
// LinkedIn's configuration plugin (C4–C8), injected from the client so that it also renders after a
// client-side navigation: the in.js tag (with the page's CSP nonce, C9) whose text body carries the
// customer application's API key and the extension, and the IN/ATSIntegrationWidget placeholder. When
// in.js is already on the page, IN.parse() re-renders the placeholder (C8). The widget's onintegrate
// callback forwards the tuples to a server action; the customer is the session's.
import { useTranslations } from "@/components/i18n/catalogue";
import { useEffect, useRef, useState, useTransition } from "react";
import { useSWRConfig } from "swr";
import type { ActionState } from "@/lib/actions/state";
import { inJsBody } from "@/lib/integrations/widget-extension";
import type { ScriptReport } from "@/lib/onboarding-flow/steps";
import { watchLinkedInScript } from "./script-watch";

/** The global function named in data-onintegrate (C5, C7). */
export const ONINTEGRATE_FUNCTION = "onrampHandleLinkedInIntegrations" satisfies keyof Window;
const IN_JS_MARKER = "data-onramp-in-js";

declare global {
  interface Window {
    /** LinkedIn's in.js (C8). */
    IN?: { parse?: (root?: ParentNode) => void };
    /** The function the widget's placeholder names in data-onintegrate (C9); set below. */
    onrampHandleLinkedInIntegrations?: (integrations: unknown) => void;
  }
}

export type LinkedInWidgetProps = {
  /** The customer application's API key (client id), public by design (C4). */
  apiKey: string;
  /** LINKEDIN_PLATFORM_URL: https://platform.linkedin.com, or the sandbox. */
  platformUrl: string;
  /** L10: the extension URL in one of LinkedIn's two forms (lib/integrations/widget-extension.ts). */
  extensionUrl: string;
  bundledTypes: string[];
  width: number;
  nonce?: string;
  /** SWR key of the integration list, refreshed after the action. */
  listKey: string;
  /** Stores the tuples the widget hands over (app/integrations/actions.ts, C7). */
  authorize: (prev: undefined, input: { integrations: unknown }) => Promise<ActionState>;
  /** Issue 22: this visit (minted by the server with the "page opened" step) and where the script's outcome goes. */
  flow?: {
    visitId: string;
    renderTimeoutMs: number;
    report: (prev: undefined, input: ScriptReport) => Promise<ActionState>;
  };
};

/** The nonce of this document's CSP: after a client-side navigation the server's prop may be another request's. */
function documentNonce(fallback?: string): string | undefined {
  const tagged = document.querySelector<HTMLScriptElement>("script[nonce]");
  return tagged?.nonce || fallback;
}

export function LinkedInWidget({
  apiKey,
  platformUrl,
  extensionUrl,
  bundledTypes,
  width,
  nonce,
  listKey,
  authorize,
  flow,
}: LinkedInWidgetProps) {
  const t = useTranslations("Integrations");
  const container = useRef<HTMLElement>(null);
  const [result, setResult] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const { mutate } = useSWRConfig();
  const types = bundledTypes.join(",");
  // The latest action without re-placing the widget when the page passes a new reference.
  const authorizeRef = useRef(authorize);
  authorizeRef.current = authorize;
  const flowRef = useRef(flow);
  flowRef.current = flow;

  useEffect(() => {
    const w = window;
    w[ONINTEGRATE_FUNCTION] = (integrations: unknown) => {
      startTransition(async () => {
        const answer = await authorizeRef.current(undefined, { integrations });
        setResult(answer);
        await mutate(listKey);
      });
    };

    const host = container.current;
    if (!host) return;
    const placeholder = document.createElement("script");
    placeholder.type = "IN/ATSIntegrationWidget";
    placeholder.setAttribute("data-supported-bundled-integration-types", types);
    placeholder.setAttribute("data-onintegrate", ONINTEGRATE_FUNCTION);
    placeholder.setAttribute("data-width", String(width));
    host.replaceChildren(placeholder);

    // Issue 22: how LinkedIn's script fared on this visit, as far as the page can tell; said once per visit.
    const current = flowRef.current;
    const stopWatching = current
      ? watchLinkedInScript({
          host,
          placeholder,
          platformUrl,
          timeoutMs: current.renderTimeoutMs,
          report: (outcome) => {
            void current.report(undefined, { visitId: current.visitId, ...outcome });
          },
        })
      : null;
    const src = `${platformUrl}/xdoor/scripts/in.js`;
    const existing = document.querySelector<HTMLScriptElement>(`script[${IN_JS_MARKER}]`);
    if (existing && existing.getAttribute(IN_JS_MARKER) === apiKey && w.IN?.parse) {
      w.IN.parse(); // C8: in.js is loaded already (client-side navigation); render the new placeholder
    } else if (!existing || existing.getAttribute(IN_JS_MARKER) !== apiKey) {
      existing?.remove();
      const tag = document.createElement("script");
      tag.src = src;
      tag.async = true;
      const n = documentNonce(nonce);
      if (n) tag.nonce = n;
      tag.setAttribute(IN_JS_MARKER, apiKey);
      tag.text = inJsBody(apiKey, extensionUrl);
      stopWatching?.watchTag(tag);
      document.head.appendChild(tag);
    }
    return () => {
      stopWatching?.stop();
      host.replaceChildren();
    };
  }, [apiKey, platformUrl, extensionUrl, types, width, nonce, listKey, mutate]);

  return (
    <div>
      {/* LinkedIn's plugin draws its own content; the frame and the spacing of its plain controls are ours. */}
      <section
        ref={container}
        data-testid="linkedin-widget"
        aria-label={t("panel")}
        className="min-h-24 max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm [&_button]:my-1 [&_button]:rounded [&_button]:border [&_button]:border-blue-700 [&_button]:px-3 [&_button]:py-1 [&_button]:text-sm [&_button]:text-blue-800 [&_h3]:font-semibold [&_input]:my-1 [&_input]:mr-2 [&_input]:rounded [&_input]:border [&_input]:border-slate-300 [&_input]:px-2 [&_input]:py-1 [&_label]:block [&_label]:text-sm"
      />
      <p
        role="status"
        aria-live="polite"
        data-testid="widget-result"
        className={`mt-2 min-h-5 text-sm ${result && !result.ok ? "text-red-700" : "text-slate-700"}`}
      >
        {pending ? t("storing") : result?.message}
        {result?.errors
          ? Object.values(result.errors)
              .flat()
              .filter(Boolean)
              .map((e) => ` ${e}`)
          : null}
      </p>
    </div>
  );
}
