// Test harness (README.md): one fresh, migrated PostgreSQL database per run (test/global-setup.ts),
// shared by every test file; files run in parallel, so tests create their own uniquely named rows.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}$1` },
      // "server-only" throws outside a react-server bundle; under test every module is server code.
      { find: /^server-only$/, replacement: `${root}test/server-only.ts` },
      // Pages run here as Next's server renders them (test/authorization): next-intl's server build, with the
      // request configuration next.config.ts names (issue 25).
      {
        find: /^next-intl\/server$/,
        replacement: `${root}node_modules/next-intl/dist/esm/development/server.react-server.js`,
      },
      { find: /^next-intl\/config$/, replacement: `${root}i18n/request.ts` },
    ],
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "server/**/*.test.ts",
      "sandbox/**/*.test.ts",
      "test/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    exclude: ["node_modules/**", ".data/**", ".next/**"],
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which ran the files one
    // after another. The database tests mostly wait on PostgreSQL and on paced LinkedIn calls, so one worker more
    // than the cores keeps both cores busy (2 cores: 8 min 18 s with one worker, 4 min 45 s with three).
    maxWorkers: availableParallelism() + 1,
    // Inlined so that its own import of next-intl/config takes the alias above.
    server: { deps: { inline: ["next-intl"] } },
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-env.ts"],
    // Hang backstops only, not margins: tests wait on states (test/eventually.ts), which take as long
    // as the machine's load makes them; a test that never reaches its state is reported after these.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
