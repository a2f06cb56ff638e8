// A request's cookies and headers for code that reads them through `next/headers` outside a Next.js server
// (issue 20, the authorization matrix). Only WHERE the request comes from is stood in for: the session is a real
// next-auth JWT cookie, sealed with this run's NEXTAUTH_SECRET and read back by next-auth's own getServerSession,
// then by currentActor() and the one guard, exactly as in production.
//
// next-auth reads `next/headers` with a CommonJS require at call time, which vi.mock does not reach; the stand-in
// is placed in Node's module cache under the real file's name, so that require finds it. App code that imports
// `next/headers` itself is pointed at the same stand-in with vi.mock (matrix.test.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire, Module } from "node:module";
import { encode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import type { Role } from "@/lib/auth/roles";
import { env } from "@/lib/env";

type RequestParts = { headers: Headers };
const current = new AsyncLocalStorage<RequestParts>();

function parts(): RequestParts {
  return current.getStore() ?? { headers: new Headers() };
}

function cookieList(): { name: string; value: string }[] {
  const header = parts().headers.get("cookie") ?? "";
  return header
    .split(";")
    .map((c) => c.trim())
    .filter((c) => c.includes("="))
    .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1) }));
}

/** What `next/headers` answers inside runAsRequest: this request's headers and cookies, read-only. */
export const requestHeaders = {
  headers: async () => new Headers(parts().headers),
  cookies: async () => {
    const list = cookieList();
    return {
      getAll: () => list,
      get: (name: string) => list.find((c) => c.name === name),
      has: (name: string) => list.some((c) => c.name === name),
    };
  },
  draftMode: async () => ({ isEnabled: false }),
};

const require = createRequire(import.meta.url);
const headersFile = require.resolve("next/headers");
const standIn = new Module(headersFile);
standIn.filename = headersFile;
standIn.loaded = true;
standIn.exports = requestHeaders;
require.cache[headersFile] = standIn;

/** Runs `fn` as one request carrying `headers` (cookie, authorization…). */
export function runAsRequest<T>(headers: HeadersInit, fn: () => Promise<T>): Promise<T> {
  return current.run({ headers: new Headers(headers) }, fn);
}

/** The session cookie next-auth would have set for this user after signing in. */
export async function sessionCookie(user: {
  id: string;
  email: string;
  role: Role;
  customerId: string | null;
}): Promise<string> {
  const name = authOptions().cookies?.sessionToken?.name ?? "next-auth.session-token";
  const token = await encode({
    token: { sub: user.id, email: user.email, uid: user.id, role: user.role, customerId: user.customerId },
    secret: env().NEXTAUTH_SECRET,
  });
  return `${name}=${token}`;
}
