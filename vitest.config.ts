// Test harness (README.md): one fresh, migrated PostgreSQL database per run (test/global-setup.ts),
// shared by every test file; files run in parallel, so tests create their own uniquely named rows (ALONE below: the
// few files that change what others read run one at a time, after the rest).
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

const ALL_TESTS = [
  "lib/**/*.test.ts",
  "server/**/*.test.ts",
  "sandbox/**/*.test.ts",
  "test/**/*.test.ts",
  "scripts/**/*.test.ts",
];
const EXCLUDED = ["node_modules/**", ".data/**", ".next/**"];
/**
 * Test files that change what every other file's tests read, run one at a time after the rest:
 * - webhook deliveries: a delivery run (deliverDue) sends every due event of the shared database to every endpoint,
 *   resolving exports with the LinkedIn sandbox of the process running it. Two at once, one file's process resolved
 *   the other's export at its own sandbox, which does not know that customer, and the answer (kept once per event,
 *   L18) was an error;
 * - the stuck-after setting, which every stuck-integration list and the issue detector read.
 */
const ALONE = [
  "lib/webhooks/delivery.db.test.ts",
  "lib/webhooks/egress.db.test.ts",
  "lib/webhooks/export-once.db.test.ts",
  "lib/webhooks/relay.db.test.ts",
  "lib/webhooks/replay.db.test.ts",
  "lib/tracing/trace.db.test.ts",
  "lib/email/ended-access.db.test.ts",
  "lib/support/issues.db.test.ts",
];

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
    exclude: EXCLUDED,
    projects: [
      { extends: true, test: { name: "parallel", include: ALL_TESTS, exclude: [...EXCLUDED, ...ALONE] } },
      // Vitest runs a one-worker project after the others.
      { extends: true, test: { name: "alone", include: ALONE, maxWorkers: 1 } },
    ],
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
