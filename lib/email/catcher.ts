// A local mail catcher (issue 14): an SMTP receiver (smtp-server) that keeps what it receives in
// memory, parsed by mailparser, and an optional small web page to read it. The demo runs it beside
// Onramp (scripts/onramp.ts); the tests deliver through it and assert on the parsed messages.
// Not for production: it accepts any sender and recipient, without TLS or authentication.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = {
  id: number;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
};

export type MailCatcher = {
  smtpPort: number;
  webPort: number | null;
  messages(): CaughtMail[];
  /** Makes the next N deliveries fail as the server would ("451 try again later"). */
  failNext(n: number, how?: "451" | "550"): void;
  close(): Promise<void>;
};

function addressesOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list.flatMap((a: { value?: { address?: string }[] }) =>
    (a.value ?? []).map((x) => (x.address ?? "").toLowerCase()),
  );
}

export async function startMailCatcher(
  opts: { smtpPort?: number; webPort?: number | null; host?: string } = {},
): Promise<MailCatcher> {
  const host = opts.host ?? "127.0.0.1";
  const received: CaughtMail[] = [];
  let failures: { n: number; code: 451 | 550 } = { n: 0, code: 451 };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    banner: "Onramp mail catcher",
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          if (failures.n > 0) {
            failures = { ...failures, n: failures.n - 1 };
            const err = Object.assign(new Error(failures.code === 451 ? "Try again later" : "Mailbox unavailable"), {
              responseCode: failures.code,
            });
            callback(err);
            return;
          }
          const headers: Record<string, string> = {};
          for (const [k, v] of m.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).trim()] as const))
            headers[k] = v;
          received.push({
            id: received.length + 1,
            messageId: m.messageId ?? "",
            from: addressesOf(m.from)[0] ?? "",
            to: addressesOf(m.to),
            subject: m.subject ?? "",
            text: m.text ?? "",
            html: typeof m.html === "string" ? m.html : "",
            headers,
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(opts.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let web: Server | null = null;
  if (opts.webPort !== undefined && opts.webPort !== null) {
    web = createServer((req, res) => {
      if (req.url === "/api/messages") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
        return;
      }
      const m = /^\/messages\/(\d+)$/.exec(req.url ?? "");
      const one = m ? received.find((x) => x.id === Number(m[1])) : undefined;
      res.writeHead(one || req.url === "/" ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      // The message's own HTML is shown in a sandboxed frame: no scripts, no access to this page.
      res.end(one ? messagePage(one) : req.url === "/" ? listPage(received) : "Not found");
    });
    await new Promise<void>((resolve) => web?.listen(opts.webPort ?? 0, host, () => resolve()));
  }
  return {
    smtpPort,
    webPort: web ? (web.address() as AddressInfo).port : null,
    messages: () => [...received],
    failNext(n, how = "451") {
      failures = { n, code: how === "451" ? 451 : 550 };
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (web) await new Promise<void>((resolve) => web?.close(() => resolve()));
    },
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function listPage(all: CaughtMail[]): string {
  const rows = [...all]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${esc(m.receivedAt.slice(0, 19).replace("T", " "))}</td><td>${esc(m.to.join(", "))}</td>` +
        `<td><a href="/messages/${m.id}">${esc(m.subject)}</a></td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><title>Onramp mail catcher</title><meta http-equiv="refresh" content="5"></head>
<body style="font-family:sans-serif"><h1>Mail sent by Onramp (${all.length})</h1>
<table cellpadding="6"><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

function messagePage(m: CaughtMail): string {
  return `<!doctype html><html lang="en"><head><title>${esc(m.subject)}</title></head><body style="font-family:sans-serif">
<p><a href="/">All mail</a></p><h1>${esc(m.subject)}</h1><p>To ${esc(m.to.join(", "))} · from ${esc(m.from)}</p>
<iframe sandbox title="message" style="width:100%;height:520px;border:1px solid #ccc" srcdoc="${esc(m.html)}"></iframe>
<h2>Plain text</h2><pre style="white-space:pre-wrap">${esc(m.text)}</pre></body></html>`;
}
