// The baseline of bench/intake.bench.ts: a minimal bare node:http server doing the same work as the
// callback route for a valid push — find the customer by its callback key, decrypt its secret, verify
// X-LI-Signature over the raw bytes (C20), read the body, insert one Notification row — and nothing
// else (no framework, no job queued). Run as a child process: tsx --conditions=react-server.
// Environment: DATABASE_URL, ONRAMP_ENCRYPTION_KEY(_ID), BARE_PORT.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";
import { decryptSecret } from "@/lib/crypto/secrets";
import { env, processEnvSnapshot } from "@/lib/env";
import { customerAppSecretContext } from "@/lib/linkedin/secret-contexts";
import { parseNotificationBody } from "@/lib/notifications/payload";
import { checkSignature } from "@/lib/notifications/signature";

const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });
const port = Number(processEnvSnapshot().BARE_PORT ?? 0);
const maxBytes = env().CALLBACK_MAX_BODY_BYTES;

const server = createServer((req, res) => {
  const key = /^\/api\/linkedin\/callback\/([^/?]+)/.exec(req.url ?? "")?.[1];
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (c: Buffer) => {
    size += c.length;
    if (size <= maxBytes) chunks.push(c);
  });
  req.on("end", () => {
    void (async () => {
      if (!key || size > maxBytes) return res.writeHead(key ? 413 : 404).end();
      const { rows } = await pool.query<{ customerId: string; id: string; clientSecretEnc: string }>(
        `SELECT a."customerId", a."id", a."clientSecretEnc" FROM "Customer" c JOIN "CustomerApplication" a ON a."customerId" = c."id" WHERE c."callbackKey" = $1`,
        [key],
      );
      const row = rows[0];
      if (!row) return res.writeHead(404).end();
      const bytes = Buffer.concat(chunks);
      const secret = decryptSecret(row.clientSecretEnc, customerAppSecretContext(row.id));
      const header = req.headers["x-li-signature"];
      if (!checkSignature(secret, bytes, typeof header === "string" ? header : null).ok)
        return res.writeHead(401).end();
      const parsed = parseNotificationBody(bytes);
      if (!parsed.ok) return res.writeHead(400).end();
      await pool.query(
        `INSERT INTO "Notification" ("id", "customerId", "linkedinId", "type", "expiresAt", "rawBody", "signatureValid")
         VALUES ($1, $2, $3, $4, $5, $6, true) ON CONFLICT ("customerId", "linkedinId") DO NOTHING`,
        [
          randomUUID(),
          row.customerId,
          parsed.payload.id,
          parsed.payload.type,
          parsed.payload.expiresAt,
          bytes.toString("utf8"),
        ],
      );
      res.writeHead(200).end();
    })().catch((err: unknown) => {
      console.error("[bare] request failed:", err);
      res.writeHead(500).end();
    });
  });
});

server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`bare intake server listening on ${typeof address === "object" && address ? address.port : port}`);
});
