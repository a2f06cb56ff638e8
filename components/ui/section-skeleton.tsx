// What a section shows while its data streams in (issue 21, point 1): the section's own heading, so the page's
// outline is there at once, and grey lines where the rows will be. One for every page. It never carries the
// section's own id: while React swaps the streamed section in, both are briefly in the document, and an id must
// name one element (a link to #section, or a test's locator, would otherwise find two).
export function SectionSkeleton({ id, title, lines = 3 }: { id: string; title: string; lines?: number }) {
  return (
    <section aria-labelledby={`${id}-loading-heading`} aria-busy="true" data-testid={`${id}-loading`}>
      <h2 id={`${id}-loading-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p role="status" className="sr-only">
        Loading {title.toLowerCase()}…
      </p>
      <div className="mt-2 space-y-2" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity of their own
          <div key={i} className="h-4 animate-pulse rounded bg-slate-200" style={{ width: `${90 - i * 15}%` }} />
        ))}
      </div>
    </section>
  );
}
