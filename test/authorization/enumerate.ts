// Every way into Onramp, read from the file tree (issue 20): each page and layout (app/**/page.tsx, layout.tsx),
// each HTTP method a route handler exports (app/**/route.ts) and each server action (every exported function of
// app/**/actions.ts). Nothing is listed by hand, so a new file is in the matrix the moment it exists.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type EntryKind = "page" | "route" | "action";
export type Entry = {
  /** The rules table's key: the file, then the method or action name. */
  key: string;
  kind: EntryKind;
  file: string;
  /** The page component, route method or action. */
  call: (...args: never[]) => unknown;
};

function appFiles(): string[] {
  return readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
    .map((f) => `app/${f.split(path.sep).join("/")}`)
    .sort();
}

const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === "function";

export async function enumerateEntries(): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const file of appFiles()) {
    const base = file.slice(file.lastIndexOf("/") + 1);
    const kind: EntryKind | null =
      base === "page.tsx" || base === "layout.tsx"
        ? "page"
        : base === "route.ts"
          ? "route"
          : base === "actions.ts"
            ? "action"
            : null;
    if (!kind) continue;
    const mod: Record<string, unknown> = await import(path.join(ROOT, file));
    if (kind === "page") {
      if (!isFunction(mod.default)) throw new Error(`${file} exports no default component`);
      entries.push({ key: file, kind, file, call: mod.default });
    } else if (kind === "route") {
      for (const method of HTTP_METHODS) {
        const handler = mod[method];
        if (isFunction(handler)) entries.push({ key: `${file} ${method}`, kind, file, call: handler });
      }
    } else {
      for (const [name, value] of Object.entries(mod)) {
        if (isFunction(value)) entries.push({ key: `${file} ${name}`, kind, file, call: value });
      }
    }
  }
  return entries;
}

/** The dynamic segments of a file's path: app/api/v1/customers/[customerId]/route.ts → ["customerId"]. */
export function segmentsOf(file: string): { name: string; catchAll: boolean }[] {
  return [...file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({ name: m[2] ?? "", catchAll: Boolean(m[1]) }));
}

/** The URL path a route file serves, with its segments filled in. */
export function urlPathOf(file: string, params: Record<string, string | string[]>): string {
  const dir = file.replace(/^app/, "").replace(/\/(route\.ts|page\.tsx|layout\.tsx)$/, "");
  return (
    dir.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
      const v = params[name];
      return Array.isArray(v) ? v.join("/") : (v ?? "");
    }) || "/"
  );
}
