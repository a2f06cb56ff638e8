// Onramp's HTTP server (`npm start`; the demo, e2e, chaos and the benches start it too): Next.js behind a node:http
// server of our own, so the app knows who is calling (issue 20 point 2). For every request it writes the client's
// address — the socket's peer, or past TRUSTED_PROXIES the first x-forwarded-for hop they vouch for — into
// x-onramp-client-address, over anything the client sent (lib/http/client-address.ts), and marks the process so
// the app believes that header (lib/http/request-source.ts). Options as `next start`'s: -p/--port, -H/--hostname;
// --dev serves the development build (`npm run demo`). SIGINT/SIGTERM stop it cleanly (lib/runtime/shutdown.ts,
// issue 24): not ready at once, job workers drained, this server closed, then the database; exit 0.
// Run with tsx and WITHOUT --conditions=react-server: Next loads its own React builds in this process.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { env, launcherEnv, processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { markServedByOnrampServer, parseTrustedProxies } from "@/lib/http/client-address";
import { createOnrampServer } from "@/lib/http/onramp-server";
import { onShutdown, stopOnSignals, webServerStop } from "@/lib/runtime/shutdown";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** This file's lines (the app's own go through its pino logger, which a plain-tsx script can not import). */
const serveLog = {
  info: (fields: object, message: string) => console.log(`[serve] ${message}`, JSON.stringify(fields)),
  error: (fields: object, message: string) => console.error(`[serve] ${message}`, JSON.stringify(fields)),
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
      dev: { type: "boolean", default: false },
    },
  });
  const dev = values.dev;
  const port = values.port ? Number(values.port) : launcherEnv().PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${values.port}"`);
  // As `next start` / `next dev` do when NODE_ENV is not set.
  if (!processEnvSnapshot().NODE_ENV) setProcessEnv({ NODE_ENV: dev ? "development" : "production" });
  const proxies = parseTrustedProxies(env().TRUSTED_PROXIES);
  // Before Next loads: a stop during its start (the development build compiles for a while) is clean too.
  stopOnSignals({ timeoutMs: env().SHUTDOWN_TIMEOUT_MS, log: serveLog });

  markServedByOnrampServer(); // before Next loads any of the app's modules
  const { default: next } = await import("next");
  const app = next({ dev, dir: ROOT, hostname: values.hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createOnrampServer(proxies, handle);
  onShutdown("web", webServerStop(server));
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, values.hostname, done);
  });
  const where = proxies.length ? `behind ${proxies.length} trusted prox${proxies.length === 1 ? "y" : "ies"}` : "";
  console.log(`[serve] Onramp (${dev ? "development" : "production"}) on port ${port} ${where}`.trimEnd());
}

main().catch((e: unknown) => {
  console.error("[serve] could not start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
