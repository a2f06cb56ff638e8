// lib/http/first-byte.ts over real HTTP through Onramp's server: a section starts once its page's frame is written.
import type { ServerResponse } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { afterFirstByte } from "./first-byte";
import { createOnrampServer, type RequestHandler } from "./onramp-server";

const servers: { close: () => void }[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

async function serve(handle: RequestHandler): Promise<string> {
  const server = createOnrampServer([], handle);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Wraps write and end after Onramp's server did, as Next's compression does: every chunk goes through it. */
function upperCasing(res: ServerResponse): void {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = ((chunk: string) => write(chunk.toUpperCase())) as ServerResponse["write"];
  res.end = ((chunk?: string) => end(chunk?.toUpperCase())) as ServerResponse["end"];
}

describe("a streamed section waits for its page's first byte", () => {
  it("starts only after the frame is written, though the frame is written a turn later", async () => {
    const url = await serve(async (_req, res) => {
      const order: string[] = [];
      const section = afterFirstByte(60_000).then(() => order.push("section"));
      await nextTurn(); // the frame is rendered after the section began waiting, as Next renders its shell
      order.push("frame");
      res.write("frame;");
      await section;
      res.end(order.join(","));
    });
    expect(await (await fetch(url)).text()).toBe("frame;frame,section");
  });

  it("leaves a compressor that wraps the response after it in the path of every later write", async () => {
    const url = await serve(async (_req, res) => {
      upperCasing(res);
      const section = afterFirstByte(60_000);
      res.write("frame;");
      await section;
      res.write("section;");
      res.end("end");
    });
    expect(await (await fetch(url)).text()).toBe("FRAME;SECTION;END");
  });

  it("does not wait forever on a page that writes nothing until it is whole (Next does so for crawlers)", async () => {
    const url = await serve(async (_req, res) => {
      await afterFirstByte(5);
      res.end("whole page");
    });
    expect(await (await fetch(url)).text()).toBe("whole page");
  });

  it("does not wait at all outside Onramp's server (tests, `next start` by hand)", async () => {
    const first = await Promise.race([
      afterFirstByte(60_000).then(() => "section"),
      nextTurn().then(() => "a turn later"),
    ]);
    expect(first).toBe("section");
  });
});
