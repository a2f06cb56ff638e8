// A page section that streams in behind its own Suspense boundary (issue 21 point 1), its reads begun only once the
// page's frame is on the wire (lib/http/first-byte.ts): the frame, fallbacks included, is never held behind the
// sections' own work on the server's one thread.
import { type ReactNode, Suspense } from "react";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { afterFirstByte } from "@/lib/http/first-byte";

/** Renders its children after the response's first byte (at once outside Onramp's server). */
export async function AfterFirstByte({ children }: { children: ReactNode }) {
  await afterFirstByte();
  return children;
}

/** A Suspense boundary whose fallback is the section's skeleton and whose content waits for the frame. */
export function StreamedSection({
  id,
  title,
  lines,
  children,
}: {
  id: string;
  title: string;
  lines?: number;
  children: ReactNode;
}) {
  return (
    <Suspense fallback={<SectionSkeleton id={id} title={title} lines={lines} />}>
      <AfterFirstByte>{children}</AfterFirstByte>
    </Suspense>
  );
}
