// The key import page's list of recent imports (issue 10 item 7), an async server component that awaits its own
// read, so the page's form is sent at once and the list streams in behind its own Suspense boundary (issue 21,
// point 1). Nothing is drawn when there has been no import yet.
import Link from "next/link";
import { Time } from "@/components/ui/time";
import { recentKeyImports } from "@/lib/customers/key-import-queries";

export async function RecentImports() {
  const recent = await recentKeyImports();
  if (recent.length === 0) return null;
  return (
    <div>
      <h2 className="text-lg font-semibold">Recent imports</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {recent.map((i) => (
          <li key={i.id}>
            <Link href={`/console/customers/import/${i.id}`} className="text-blue-800 underline">
              {i.fileName ?? "Vendor API request"}
            </Link>{" "}
            — {i.rowCount} row(s), <Time value={i.createdAt} />
          </li>
        ))}
      </ul>
    </div>
  );
}
