import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own sign-in, sign-out, session and CSRF endpoints.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, { params: await ctx.params } as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
