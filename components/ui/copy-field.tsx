"use client";
// A read-only value with a copy button (the callback URL, C21; a new token or invitation link). The
// result of copying is announced; when the clipboard is not available the text is selected instead.
import { useId, useRef, useState } from "react";
import { secondaryButtonClass } from "./button-styles";

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setSaid("Copied to the clipboard.");
    } catch {
      input.current?.select();
      setSaid("Could not reach the clipboard: the text is selected, press Ctrl+C (⌘C) to copy it.");
    }
  }
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={() => void copy()} className={secondaryButtonClass}>
          Copy<span className="sr-only"> {label}</span>
        </button>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-xs text-slate-600">
        {said}
      </p>
    </div>
  );
}
