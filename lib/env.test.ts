import { describe, expect, it } from "vitest";
import { EnvError, serverEnvSchema } from "./env";

// Issue #2: the app refuses to start with a message naming each missing or malformed variable.
describe("environment validation", () => {
  it("names every missing or malformed variable", () => {
    const result = serverEnvSchema.safeParse({
      DATABASE_URL: "mysql://nope",
      ONRAMP_ENCRYPTION_KEY: "short",
      LINKEDIN_API_URL: "ftp://x",
    });
    expect(result.success).toBe(false);
    const message = new EnvError(result.error!.issues).message;
    expect(message).toContain("DATABASE_URL: must be a postgresql:// connection URL");
    expect(message).toContain("ONRAMP_ENCRYPTION_KEY: must be 32 bytes");
    expect(message).toContain("NEXTAUTH_SECRET");
    expect(message).toContain("LINKEDIN_API_URL");
  });

  it("accepts a complete environment with defaults for LinkedIn's hosts", () => {
    const parsed = serverEnvSchema.parse({
      DATABASE_URL: "postgresql://localhost/onramp",
      ONRAMP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      NEXTAUTH_SECRET: "x".repeat(32),
    });
    expect(parsed.LINKEDIN_API_URL).toBe("https://api.linkedin.com");
    expect(parsed.LINKEDIN_PLATFORM_URL).toBe("https://platform.linkedin.com");
    expect(parsed.LINKEDIN_DAILY_CALL_BUDGET).toBe(5000);
  });

  it("refuses malformed old keys with the entry named", () => {
    const result = serverEnvSchema.safeParse({
      DATABASE_URL: "postgresql://localhost/onramp",
      ONRAMP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      NEXTAUTH_SECRET: "x".repeat(32),
      ONRAMP_ENCRYPTION_OLD_KEYS: "k0:tooshort",
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues)).toContain('entry \\"k0\\"');
  });

  it("reads TRUSTED_PROXIES as addresses and CIDRs, naming an entry that is neither (issue 20)", () => {
    const base = {
      DATABASE_URL: "postgresql://localhost/onramp",
      ONRAMP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      NEXTAUTH_SECRET: "x".repeat(32),
    };
    expect(serverEnvSchema.parse(base).TRUSTED_PROXIES).toEqual([]);
    expect(serverEnvSchema.parse({ ...base, TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.1 ::1" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "192.0.2.1",
      "::1",
    ]);
    const result = serverEnvSchema.safeParse({ ...base, TRUSTED_PROXIES: "10.0.0.0/8,lb.internal" });
    expect(new EnvError(result.error?.issues ?? []).message).toContain('"lb.internal" is neither an IP address');
  });
});

describe(".env.example", () => {
  it("lists every variable Onramp reads, each with a comment", async () => {
    const { readFileSync } = await import("node:fs");
    const { launcherEnvSchema } = await import("./env");
    const lines = readFileSync(new URL("../.env.example", import.meta.url), "utf8").split("\n");
    const names = [...Object.keys(serverEnvSchema.shape), ...Object.keys(launcherEnvSchema.shape)].filter(
      (n) => n !== "NODE_ENV" && n !== "CI",
    );
    const missing: string[] = [];
    const uncommented: string[] = [];
    for (const name of new Set(names)) {
      const i = lines.findIndex((l) => new RegExp(`^#?\\s*${name}=`).test(l));
      if (i < 0) missing.push(name);
      else {
        // The comment may sit above a group of related variables (LINKEDIN_*_URL): look up the block.
        let j = i - 1;
        while (j >= 0 && lines[j]!.trim() !== "" && !lines[j]!.startsWith("#")) j -= 1;
        if (!(j >= 0 && lines[j]!.startsWith("#"))) uncommented.push(name);
      }
    }
    expect({ missing, uncommented }).toEqual({ missing: [], uncommented: [] });
  });
});
