// The action's answer, read out by screen readers (polite; errors too, so focus is not stolen).
import type { ActionState } from "@/lib/actions/state";

export function FormMessage({
  state,
  id,
  className = "min-h-5 text-sm",
}: {
  state: ActionState | undefined;
  id?: string;
  className?: string;
}) {
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      className={`${className} ${state?.ok ? "text-green-800" : "text-red-700"}`}
      data-testid={id}
    >
      {state?.message}
    </p>
  );
}
