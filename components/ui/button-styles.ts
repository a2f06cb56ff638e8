// The console's button and field looks (issue #13): one place, so operator and support pages match.
export const inputClass =
  "mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600";
export const labelClass = "block text-sm font-medium text-slate-800";
export const primaryButtonClass =
  "rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";
export const dangerButtonClass =
  "rounded border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60";

export type ButtonVariant = "primary" | "secondary" | "danger";

export const BUTTON_CLASSES: Record<ButtonVariant, string> = {
  primary: primaryButtonClass,
  secondary: secondaryButtonClass,
  danger: dangerButtonClass,
};
