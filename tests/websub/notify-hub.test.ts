import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { notifyHub } from "../../src/publish/websub.js";

interface RecordedPing {
  contentType: string | undefined;
  params: Record<string, string>;
}

/** A stub hub on 127.0.0.1 that records every POST and answers with the next scripted status. */
async function startStubHub(statuses: number[] | ((n: number) => number | "hang")): Promise<{ url: string; pings: RecordedPing[]; server: Server }> {
  const pings: RecordedPing[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      pings.push({
        contentType: req.headers["content-type"],
        params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString())),
      });
      const status = typeof statuses === "function" ? statuses(pings.length) : (statuses[pings.length - 1] ?? 204);
      if (status === "hang") return; // never answer: the client must time out
      res.writeHead(status, { "Content-Type": "text/plain" });
      res.end(status >= 400 ? `hub says ${status}` : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, pings, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const noSleep = async () => {};
const TOPICS = ["https://example.org/rss.xml", "https://example.org/atom.xml", "https://example.org/feed.json"];

describe("notifyHub", () => {
  it("sends exactly one form-encoded publish ping per topic", async () => {
    const hub = await startStubHub([]);
    const result = await notifyHub({ hubUrl: hub.url, topicUrls: TOPICS, sleep: noSleep });
    expect(result).toEqual({ notified: TOPICS, warnings: [] });
    expect(hub.pings).toHaveLength(3);
    expect(hub.pings.map((p) => p.params)).toEqual(TOPICS.map((url) => ({ "hub.mode": "publish", "hub.url": url })));
    for (const ping of hub.pings) expect(ping.contentType).toBe("application/x-www-form-urlencoded");
  });

  it("pings a topic listed twice only once", async () => {
    const hub = await startStubHub([]);
    await notifyHub({ hubUrl: hub.url, topicUrls: [TOPICS[0]!, TOPICS[0]!], sleep: noSleep });
    expect(hub.pings).toHaveLength(1);
  });

  it("sends nothing when no feed changed", async () => {
    const hub = await startStubHub([]);
    const result = await notifyHub({ hubUrl: hub.url, topicUrls: [], sleep: noSleep });
    expect(result).toEqual({ notified: [], warnings: [] });
    expect(hub.pings).toHaveLength(0);
  });

  it("retries after a 500 and succeeds on the following 204, backing off exponentially", async () => {
    const hub = await startStubHub([500, 503, 204]);
    const delays: number[] = [];
    const result = await notifyHub({
      hubUrl: hub.url,
      topicUrls: [TOPICS[0]!],
      backoffMs: 100,
      sleep: async (ms) => void delays.push(ms),
    });
    expect(result).toEqual({ notified: [TOPICS[0]], warnings: [] });
    expect(hub.pings).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
  });

  it("retries on 429", async () => {
    const hub = await startStubHub([429, 202]);
    const result = await notifyHub({ hubUrl: hub.url, topicUrls: [TOPICS[0]!], sleep: noSleep });
    expect(result.notified).toEqual([TOPICS[0]]);
    expect(hub.pings).toHaveLength(2);
  });

  it("does not retry a 4xx refusal and warns with the hub's reason", async () => {
    const hub = await startStubHub([400]);
    const result = await notifyHub({ hubUrl: hub.url, topicUrls: [TOPICS[0]!], sleep: noSleep });
    expect(hub.pings).toHaveLength(1);
    expect(result.notified).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("HTTP 400");
    expect(result.warnings[0]).toContain("hub says 400");
  });

  it("gives up after the retries on a hub that keeps failing, with one warning per topic", async () => {
    const hub = await startStubHub(() => 500);
    const result = await notifyHub({ hubUrl: hub.url, topicUrls: TOPICS.slice(0, 2), retries: 2, sleep: noSleep });
    expect(hub.pings).toHaveLength(6);
    expect(result.notified).toEqual([]);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/HTTP 500.*3 tries/);
  });

  it("warns, without throwing, when the hub is unreachable", async () => {
    // Bind then close a server to get a port on which nothing listens.
    const gone = await startStubHub([]);
    const url = gone.url;
    gone.server.closeAllConnections();
    await new Promise((resolve) => gone.server.close(resolve));
    servers.splice(servers.indexOf(gone.server), 1);

    const delays: number[] = [];
    const result = await notifyHub({ hubUrl: url, topicUrls: [TOPICS[0]!], retries: 2, timeoutMs: 500, sleep: async (ms) => void delays.push(ms) });
    expect(result.notified).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^Could not notify the WebSub hub at .* the connection was refused \(3 tries\)\./);
    expect(delays).toHaveLength(2);
  });

  it("times out a hub that never answers, then warns", async () => {
    const hub = await startStubHub(() => "hang");
    const result = await notifyHub({ hubUrl: hub.url, topicUrls: [TOPICS[0]!], retries: 1, timeoutMs: 100, sleep: noSleep });
    expect(hub.pings).toHaveLength(2);
    expect(result.warnings[0]).toContain("no answer within 100 ms");
  });

  it("warns about a hub setting that is not an http(s) URL, sending nothing", async () => {
    let calls = 0;
    const result = await notifyHub({
      hubUrl: "pubsubhubbub.appspot.com",
      topicUrls: TOPICS,
      fetchImpl: (async () => {
        calls++;
        return new Response(null, { status: 204 });
      }) as typeof fetch,
    });
    expect(calls).toBe(0);
    expect(result.warnings[0]).toContain('Set "hub" in the config');
  });

  it("turns anything fetch throws into a warning", async () => {
    const result = await notifyHub({
      hubUrl: "https://hub.example/",
      topicUrls: [TOPICS[0]!],
      retries: 0,
      fetchImpl: (async () => {
        throw new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } });
      }) as typeof fetch,
    });
    expect(result.warnings[0]).toContain("host name could not be resolved");
  });
});
