import Link from "next/link";

// What a page that does not exist (or that this account can not see) shows: the same words everywhere, with a link
// home that suits where the person is (issue 21, point 1).
export function NotFoundNotice({ home, homeLabel }: { home: string; homeLabel: string }) {
  return (
    <div className="mx-auto max-w-lg px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or your account cannot see it.</p>
      <Link href={home} className="mt-6 inline-block text-blue-800 underline">
        {homeLabel}
      </Link>
    </div>
  );
}
