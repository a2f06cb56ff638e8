// A titled part of a console page (issue #13): a heading that names the section for screen readers,
// an optional line of explanation, and an optional card frame.
export function Section({
  id,
  title,
  description,
  actions,
  card = false,
  className = "",
  testId,
  children,
}: {
  id: string;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Shown beside the heading (a button, a link). */
  actions?: React.ReactNode;
  card?: boolean;
  className?: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  const frame = card ? "rounded-lg border border-slate-200 bg-white p-4" : "";
  const heading = (
    <h2 id={`${id}-heading`} className="text-lg font-semibold">
      {title}
    </h2>
  );
  return (
    <section
      aria-labelledby={`${id}-heading`}
      id={id}
      className={`${frame} ${className}`.trim() || undefined}
      data-testid={testId}
    >
      {actions ? (
        <div className="flex flex-wrap items-start justify-between gap-3">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className="mt-2">{children}</div>
    </section>
  );
}
