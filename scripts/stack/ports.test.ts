// The launcher's port check (issue 26): which ports it needs, and one sentence per port it cannot use.
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { launcherEnvSchema } from "@/lib/env";
import { freePort, freePorts } from "./free-port";
import { portProblems, portsNeeded } from "./ports";

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function hold(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (typeof address === "object" && address) resolve(address.port);
      else reject(new Error("not listening"));
    });
  });
}

describe("portsNeeded()", () => {
  it("lists the app, the sandbox and the mail catcher's two ports, without the ones the environment replaces", () => {
    const defaults = launcherEnvSchema.parse({});
    expect(portsNeeded(defaults).map((p) => p.variable)).toEqual([
      "PORT",
      "SANDBOX_PORT",
      "MAIL_CATCHER_SMTP_PORT",
      "MAIL_CATCHER_PORT",
    ]);
    const external = launcherEnvSchema.parse({
      LINKEDIN_API_URL: "https://api.example",
      SMTP_URL: "smtp://mail.example",
    });
    expect(portsNeeded(external).map((p) => p.variable)).toEqual(["PORT"]);
    expect(portsNeeded(launcherEnvSchema.parse({ SANDBOX_PORT: "0" })).map((p) => p.variable)).not.toContain(
      "SANDBOX_PORT",
    );
  });
});

describe("freePorts()", () => {
  it("picks ports that are all different, each free once the pick is done", async () => {
    const ports = await freePorts(8);
    expect(new Set(ports).size).toBe(8);
    expect(await portProblems(ports.map((port) => ({ variable: "PORT", port })))).toEqual([]);
  });
});

describe("portProblems()", () => {
  it("is empty when every port is free", async () => {
    expect(await portProblems([{ variable: "PORT", port: await freePort() }])).toEqual([]);
  });

  it.each(["127.0.0.1", "0.0.0.0"])("names the variable of a port a program holds on %s", async (host) => {
    const port = await hold(host);
    const free = await freePort();
    const problems = await portProblems([
      { variable: "PORT", port: free },
      { variable: "MAIL_CATCHER_PORT", port },
    ]);
    expect(problems).toEqual([
      `Port ${port} is already in use by another program: stop it, or set MAIL_CATCHER_PORT to a free port (for example \`MAIL_CATCHER_PORT=${port + 100} npm run demo\`).`,
    ]);
  });

  it("says when two variables name the same port", async () => {
    const port = await freePort();
    expect(
      await portProblems([
        { variable: "PORT", port },
        { variable: "SANDBOX_PORT", port },
      ]),
    ).toEqual([`PORT and SANDBOX_PORT are both ${port}: give each its own port.`]);
  });
});
