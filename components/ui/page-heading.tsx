// The heading of a console page reached from another (issue #13): the way back above the page's title, and a line
// saying what the page is for.
import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeading({
  back,
  id,
  intro,
  children,
}: {
  /** The page this one is reached from. */
  back: { href: string; label: string };
  /** The title's id, for a section named by it. */
  id?: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div>
      <p className="text-sm">
        <Link href={back.href} className="text-blue-800 hover:underline">
          ← {back.label}
        </Link>
      </p>
      <h1 id={id} className="mt-1 text-2xl font-semibold">
        {children}
      </h1>
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
    </div>
  );
}
