// A container that scrolls sideways when its content (a wide table) is wider than a tablet's screen.
// WCAG 2.1.1 (axe "scrollable-region-focusable"): a keyboard user must be able to reach and scroll it,
// so it is focusable and named as a region. Every horizontally scrolling table sits in one of these.
// "relative": screen-reader-only text (absolutely positioned) in a far-right cell stays inside the
// region instead of widening the page.
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1)
      tabIndex={0}
      className={`relative overflow-x-auto focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 ${className}`.trim()}
    >
      {children}
    </section>
  );
}
