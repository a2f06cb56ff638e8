// The import rules of docs/ARCHITECTURE.md ("Layers"; "Actions, and what may import what"), checked by
// dependency-cruiser in `npm test` (stage "architecture", scripts/architecture.ts). Each rule says why it exists.
// Violations that exist today and are being removed are listed in scripts/architecture/baseline.ts: that list may
// only shrink (the check fails on a new violation and on a listed one that is gone).
//
// Which files are client components and which are server-only is read from the files themselves ("use client"
// as the first statement; `import "server-only"`), so a new file is covered without editing this config. The tree
// read is the one being checked, the working directory (the check's own test runs it in test/fixtures/architecture).
const { readdirSync, readFileSync } = require("node:fs");
const { join, relative, sep } = require("node:path");

const root = process.cwd();
const SOURCE_FOLDERS = ["app", "components", "lib", "server"];
const SKIPPED = new Set(["node_modules", "generated", "fixtures"]);

function sourceFiles(folder) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw e;
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const files = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder))).map((path) => ({
  path: relative(root, path).split(sep).join("/"),
  text: readFileSync(path, "utf8"),
}));
const escapeRegExp = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A path list as one anchored pattern; a pattern that matches nothing when the list is empty.
const anyOf = (paths) => (paths.length ? `^(${paths.map(escapeRegExp).join("|")})$` : "^$.");

// "use client" must be the file's first statement (comments may precede it).
const CLIENT_DIRECTIVE = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*["']use client["']/;
const clientComponents = files.filter((f) => CLIENT_DIRECTIVE.test(f.text)).map((f) => f.path);
const serverOnlyModules = files.filter((f) => /^import ["']server-only["'];?\s*$/m.test(f.text)).map((f) => f.path);

// The only files under lib/ that may touch Next.js or next-auth (docs/ARCHITECTURE.md lists them), plus test support.
const NEXT_ADAPTERS = [
  "lib/auth/guard.ts",
  "lib/auth/actor.ts",
  "lib/auth/options.ts",
  "lib/auth/route.ts",
  "lib/errors/respond.ts",
  "lib/vendor-api/route.ts",
];

module.exports = {
  forbidden: [
    {
      name: "no-domain-cycle",
      severity: "error",
      comment:
        "lib/ domain folders import downward only: a loop between folders means no folder can be understood, " +
        "tested or changed without the others, and the process's composition root belongs outside them " +
        "(issue 21 point 2). Known loops: scripts/architecture/baseline.ts, which may only shrink.",
      scope: "folder",
      from: { path: "^lib/[^/]+$" },
      to: { circular: true },
    },
    {
      name: "no-module-cycle",
      severity: "error",
      comment:
        "A loop between modules makes their load order decide what is defined (undefined at import time), and " +
        "none of them can be read or tested alone.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-to-app-or-components",
      severity: "error",
      comment:
        "lib/ holds the domain and is used by pages, jobs, scripts and tests alike; reaching up into app/ " +
        "(routes, actions) or components/ (UI) would tie the domain to one screen and make a cycle across layers.",
      from: { path: "^lib/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "lib-not-to-server",
      severity: "error",
      comment:
        "server/ is the process's composition root (issue 21 point 2): the one list of every job handler, " +
        "schedule and loop, binding the domains to the job engine. A domain reaching up into it would make the " +
        "folder loop it exists to remove (lib/jobs importing the domains that import it); domains queue work " +
        "through lib/jobs and leave the binding to server/.",
      from: { path: "^lib/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^server/" },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment:
        "Pages pass actions and data to components as props (FormAction); a component importing app/ " +
        "would couple the UI kit to one route and invert the page -> component direction.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "ui-kit-knows-no-domain",
      severity: "error",
      comment:
        "components/ui is the kit of primitives (buttons, fields, messages, tables, sections) that staff pages and " +
        "the customer admin's page use alike (issue 21 point 5): a primitive importing a feature, a page or a " +
        "domain would tie every screen to that one, so it may use only the action contract (lib/actions), other " +
        "primitives and the layout, and gets everything else as props.",
      from: { path: "^components/ui/" },
      to: { path: "^(app/|components/(?!ui/|layout/)|lib/(?!actions/))" },
    },
    {
      name: "client-not-to-server-code",
      severity: "error",
      comment:
        "A client component is bundled for the browser with everything it reaches: server-only modules hold " +
        "secrets, database access and logging (and fail the build or leak), and zod/pg/Prisma/pino would bloat " +
        "the bundle (bench: /integrations first load <= 150 kB). Validation stays on the server; limits a form " +
        "shows come from zod-free modules (e.g. lib/integrations/limits.ts). Checked transitively, as bundling is; " +
        "type-only imports are erased at compile time and do not count.",
      from: { path: anyOf(clientComponents) },
      to: {
        reachable: true,
        path: [
          anyOf(serverOnlyModules),
          // lib/db/enums.ts is the data model's enums as plain objects, made for client components.
          "^lib/db/(?!enums\\.ts$)",
          "(^|/)node_modules/(zod|pg|pino|server-only|@prisma/[^/]+)/",
        ].join("|"),
      },
    },
    {
      name: "lib-not-to-next",
      severity: "error",
      comment:
        "Domain code runs in jobs, scripts and tests as well as in Next.js; only the guard, the session and the " +
        "route adapters listed in docs/ARCHITECTURE.md may import next/* or next-auth.",
      from: { path: "^lib/", pathNot: [anyOf(NEXT_ADAPTERS), "/test-support/"] },
      to: { path: "(^|/)node_modules/(next|next-auth)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Tests and their support call route handlers and reach across folders on purpose; the rules are about
    // the product's own graph.
    exclude: { path: ["(^|/)lib/db/generated/", "(^|/)\\.next", "\\.test\\.tsx?$", "/test-support/"] },
    // Type-only imports are erased at compile time: they are left out of the graph, so they neither bundle
    // server code into a client component nor make a cycle at run time.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: join(__dirname, "tsconfig.json") },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
