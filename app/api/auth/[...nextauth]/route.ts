import { authRoute } from "@/lib/auth/route";

// next-auth's own sign-in, sign-out, session and CSRF endpoints: bounded body, security headers (lib/auth/route.ts).
export { authRoute as GET, authRoute as POST };
