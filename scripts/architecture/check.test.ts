// The architecture check fails on what it exists to catch (issue 21 point 3): it runs dependency-cruiser with the
// real rules (.dependency-cruiser.cjs) on test/fixtures/architecture, a tree with planted violations.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KNOWN_VIOLATIONS } from "./baseline";
import { checkArchitecture, explain, violationKey } from "./check";

const repoRoot = join(import.meta.dirname, "..", "..");
const fixture = join(repoRoot, "test", "fixtures", "architecture");
const ZOD = "../../../node_modules/zod/index.js";

describe("the architecture check", () => {
  it("finds each planted violation, and nothing in what the rules allow", async () => {
    const verdict = await checkArchitecture(fixture, []);
    expect(verdict.found.map(violationKey).sort()).toEqual(
      [
        // A cycle, between modules and between lib/ domain folders.
        "no-module-cycle: lib/alpha/ping.ts → lib/beta/pong.ts",
        "no-domain-cycle: lib/alpha → lib/beta",
        "no-domain-cycle: lib/beta → lib/alpha",
        // A client component importing zod, directly and through a lib module.
        `client-not-to-server-code: components/zod-form.tsx → ${ZOD}`,
        `client-not-to-server-code: components/indirect-zod-form.tsx → ${ZOD}`,
        // A client component importing a server-only module (and, through it, the server-only package).
        "client-not-to-server-code: components/secret-form.tsx → lib/vault/secret.ts",
        "client-not-to-server-code: components/secret-form.tsx → ../../../node_modules/server-only/index.js",
        "lib-not-to-app-or-components: lib/alpha/page-link.ts → app/page-title.ts",
        "components-not-to-app: components/app-link.tsx → app/page-title.ts",
        "lib-not-to-server: lib/alpha/uses-root.ts → server/composition.ts",
        "lib-not-to-next: lib/alpha/uses-next.ts → ../../../node_modules/next/server.js",
        // A UI primitive importing a domain (its import of lib/actions is allowed).
        "ui-kit-knows-no-domain: components/ui/message.tsx → lib/alpha/limits.ts",
      ].sort(),
    );
    expect(verdict.gone).toEqual([]);
    expect(explain(verdict)).toHaveLength(verdict.found.length);
  });

  it("passes what the baseline lists, and fails on a listed violation that is gone", async () => {
    const planted = (await checkArchitecture(fixture, [])).found.map(violationKey);
    const fixed = "no-domain-cycle: lib/gamma → lib/alpha";
    const verdict = await checkArchitecture(fixture, [...planted, fixed]);
    expect(verdict.found).toEqual([]);
    expect(verdict.gone).toEqual([fixed]);
    expect(explain(verdict)).toEqual([
      `fixed, so remove it from scripts/architecture/baseline.ts (the list may only shrink): ${fixed}`,
    ]);
  });

  it("fails `npm test`'s architecture stage on a tree with violations", () => {
    const run = spawnSync(join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/architecture.ts", fixture], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`client-not-to-server-code: components/zod-form.tsx → ${ZOD}`);
    expect(run.stderr).toContain("no-domain-cycle: lib/alpha → lib/beta");
  });

  it("lists each known violation once", () => {
    expect(new Set(KNOWN_VIOLATIONS).size).toBe(KNOWN_VIOLATIONS.length);
  });
});
