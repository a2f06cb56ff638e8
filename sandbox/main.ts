// CLI: `tsx sandbox/main.ts --port 3001 [--host 127.0.0.1] [--state-file .data/sandbox.json]
//   [--allow-insecure-callbacks] [--auto-partner-ready] [--retry-delay-ms 300000] [--batch-spacing-ms 1000]
//   [--parent-client-id ID --parent-client-secret SECRET] [--public-base-url URL]
//   [--application CLIENT_ID:CLIENT_SECRET ...]`
import { parseArgs } from "node:util";
import { startSandbox } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3001" },
    host: { type: "string" },
    "public-base-url": { type: "string" },
    "state-file": { type: "string" },
    "allow-insecure-callbacks": { type: "boolean", default: false },
    "auto-partner-ready": { type: "boolean", default: false },
    "retry-delay-ms": { type: "string" },
    "batch-spacing-ms": { type: "string" },
    "parent-client-id": { type: "string" },
    "parent-client-secret": { type: "string" },
    application: { type: "string", multiple: true },
  },
  strict: true,
});

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

const applications = (values.application ?? []).map((pair) => {
  const colon = pair.indexOf(":");
  if (colon <= 0) throw new Error(`--application must be CLIENT_ID:CLIENT_SECRET, got "${pair}"`);
  return { clientId: pair.slice(0, colon), clientSecret: pair.slice(colon + 1) };
});

const sandbox = await startSandbox({
  port: int("port", values.port),
  host: values.host,
  publicBaseUrl: values["public-base-url"],
  stateFile: values["state-file"],
  allowInsecureCallbacks: values["allow-insecure-callbacks"],
  autoPartnerReady: values["auto-partner-ready"],
  retryDelayMs: int("retry-delay-ms", values["retry-delay-ms"]),
  batchSpacingMs: int("batch-spacing-ms", values["batch-spacing-ms"]),
  parentClientId: values["parent-client-id"],
  parentClientSecret: values["parent-client-secret"],
  applications,
});

console.log(`LinkedIn sandbox listening on ${sandbox.url} (operator page: ${sandbox.url}/_sandbox/)`);

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
