// How LinkedIn's script fares on the customer admin's page (issue 22 point 3), as far as the page can tell: the
// in.js tag's error event (network, an HTTP error, a blocker), a Content-Security-Policy violation for LinkedIn's
// host (C9), in.js loaded without defining IN (C8), or the plugin drawing nothing beside its placeholder in time.
// ASSUMPTION: LinkedIn's plugin draws into the page next to its placeholder (C5); LinkedIn documents no load event.
// The first of these, or the plugin appearing, is reported once. Client-side, no imports.
import type { ScriptFailureReason } from "@/lib/onboarding-flow/steps";

export type ScriptOutcome = { outcome: "OK" } | { outcome: "FAILED"; reason: ScriptFailureReason };

export function watchLinkedInScript(options: {
  host: HTMLElement;
  placeholder: Element;
  platformUrl: string;
  timeoutMs: number;
  report: (outcome: ScriptOutcome) => void;
}): { watchTag: (tag: HTMLScriptElement) => void; stop: () => void } {
  const { host, placeholder, platformUrl, timeoutMs, report } = options;
  let done = false;
  const settle = (outcome: ScriptOutcome) => {
    if (done) return;
    stop();
    report(outcome);
  };
  const drawn = () => Array.from(host.children).some((child) => child !== placeholder);
  const observer = new MutationObserver(() => {
    if (drawn()) settle({ outcome: "OK" });
  });
  observer.observe(host, { childList: true });
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (e.blockedURI.startsWith(platformUrl)) settle({ outcome: "FAILED", reason: "SCRIPT_BLOCKED_BY_POLICY" });
  };
  document.addEventListener("securitypolicyviolation", onViolation);
  const timer = window.setTimeout(() => settle({ outcome: "FAILED", reason: "PLUGIN_DID_NOT_RENDER" }), timeoutMs);
  function stop() {
    done = true;
    observer.disconnect();
    document.removeEventListener("securitypolicyviolation", onViolation);
    window.clearTimeout(timer);
  }
  return {
    watchTag: (tag) => {
      tag.addEventListener("error", () => settle({ outcome: "FAILED", reason: "SCRIPT_UNREACHABLE" }));
      tag.addEventListener("load", () => {
        if (!window.IN) settle({ outcome: "FAILED", reason: "SCRIPT_WITHOUT_PLATFORM" });
      });
    },
    stop,
  };
}
