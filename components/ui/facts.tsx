// A list of named facts (a <dl>): the LinkedIn application on the customer and settings pages, and the
// like (issue #13: written once).
export type Fact = { term: string; value: React.ReactNode; testId?: string; mono?: boolean };

export function Facts({ facts }: { facts: (Fact | false | null)[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      {facts
        .filter((f): f is Fact => Boolean(f))
        .map((f) => (
          <div key={f.term} className="contents">
            <dt className="font-medium text-slate-700">{f.term}</dt>
            <dd className={f.mono ? "font-mono break-all" : undefined} data-testid={f.testId}>
              {f.value}
            </dd>
          </div>
        ))}
    </dl>
  );
}
