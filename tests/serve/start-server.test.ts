import { rm, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/serve/index.js";
import { rawRequest } from "./http-client.js";
import { makeSite, RSS_FIXTURE, RSS_ITEM_TITLES, SECRET, SERVED_FILES } from "./fixtures.js";

let root: string;
let site: string;
let server: RunningServer;
const logLines: string[] = [];

beforeAll(async () => {
  ({ root, site } = await makeSite());
  server = await startServer({ dir: site, port: 0, log: (line) => logLines.push(line) });
});

afterAll(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const bodyOf = (file: (typeof SERVED_FILES)[number]) => (typeof file.body === "string" ? Buffer.from(file.body, "utf8") : file.body);

describe("startServer: every kind of file", () => {
  it("listens on 127.0.0.1 by default, on the ephemeral port asked for", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toBe("http://127.0.0.1:0/");
  });

  it.each(SERVED_FILES)("GET $path: content type, validators, cache headers, exact body", async (file) => {
    const res = await rawRequest(server.url, file.path);
    expect(res.status).toBe(200);
    expect(String(res.headers["content-type"]).startsWith(file.type)).toBe(true);
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.parse(String(res.headers["last-modified"]))).not.toBeNaN();
    expect(res.headers["cache-control"]).toMatch(/^public, max-age=\d+$/);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.equals(bodyOf(file))).toBe(true);
    expect(Number(res.headers["content-length"])).toBe(bodyOf(file).length);
  });

  it("gives feeds and pages a short cache lifetime and assets a longer one", async () => {
    const maxAge = async (p: string) => Number(/max-age=(\d+)/.exec(String((await rawRequest(server.url, p)).headers["cache-control"]))?.[1]);
    expect(await maxAge("/rss.xml")).toBe(60);
    expect(await maxAge("/index.html")).toBe(60);
    expect(await maxAge("/style.css")).toBeGreaterThan(60);
    expect(await maxAge("/pic.png")).toBeGreaterThan(60);
  });

  it("sends the file's mtime as Last-Modified", async () => {
    const res = await rawRequest(server.url, "/rss.xml");
    expect(res.headers["last-modified"]).toBe("Tue, 02 Jan 2024 03:04:05 GMT");
  });

  it("types a symlinked file by the name it was asked for", async () => {
    const res = await rawRequest(server.url, "/alias.xml");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/xml/);
    expect(res.body.toString()).toBe(RSS_FIXTURE);
  });
});

describe("startServer: conditional requests", () => {
  it("answers If-None-Match with the current ETag with 304 and no body", async () => {
    const first = await rawRequest(server.url, "/rss.xml");
    const again = await rawRequest(server.url, "/rss.xml", { headers: { "If-None-Match": String(first.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it("answers a stale If-None-Match with 200 and the body", async () => {
    const res = await rawRequest(server.url, "/rss.xml", { headers: { "If-None-Match": '"0000"' } });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(RSS_FIXTURE);
  });

  it("answers If-Modified-Since at or after the mtime with 304, before it with 200", async () => {
    const same = await rawRequest(server.url, "/rss.xml", { headers: { "If-Modified-Since": "Tue, 02 Jan 2024 03:04:05 GMT" } });
    expect(same.status).toBe(304);
    expect(same.body.length).toBe(0);
    const older = await rawRequest(server.url, "/rss.xml", { headers: { "If-Modified-Since": "Tue, 02 Jan 2024 03:04:04 GMT" } });
    expect(older.status).toBe(200);
  });

  it("lets If-None-Match win over If-Modified-Since", async () => {
    const res = await rawRequest(server.url, "/rss.xml", {
      headers: { "If-None-Match": '"0000"', "If-Modified-Since": "Tue, 02 Jan 2099 03:04:05 GMT" },
    });
    expect(res.status).toBe(200);
  });

  it("matches the compressed variant's ETag against the plain one and vice versa", async () => {
    const plain = await rawRequest(server.url, "/rss.xml");
    const br = await rawRequest(server.url, "/rss.xml", { headers: { "Accept-Encoding": "br" } });
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const revalidated = await rawRequest(server.url, "/rss.xml", {
      headers: { "Accept-Encoding": "br", "If-None-Match": String(plain.headers.etag) },
    });
    expect(revalidated.status).toBe(304);
  });
});

describe("startServer: feeds for browsers and for readers", () => {
  const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

  it.each([
    ["/rss.xml", "application/rss+xml; charset=utf-8"],
    ["/atom.xml", "application/atom+xml; charset=utf-8"],
  ])("%s: a browser gets application/xml (so the XSL view shows), a reader its feed type", async (path, feedType) => {
    const browser = await rawRequest(server.url, path, { headers: { Accept: BROWSER_ACCEPT } });
    expect(browser.headers["content-type"]).toBe("application/xml; charset=utf-8");
    expect(String(browser.headers.vary)).toContain("Accept");
    const reader = await rawRequest(server.url, path, { headers: { Accept: "application/rss+xml, application/atom+xml, text/xml;q=0.9, */*;q=0.8" } });
    expect(reader.headers["content-type"]).toBe(feedType);
    const bare = await rawRequest(server.url, path);
    expect(bare.headers["content-type"]).toBe(feedType);
    expect(browser.body.equals(reader.body)).toBe(true);
  });

  it("never changes the type of other files", async () => {
    const json = await rawRequest(server.url, "/feed.json", { headers: { Accept: BROWSER_ACCEPT } });
    expect(json.headers["content-type"]).toBe("application/feed+json; charset=utf-8");
  });
});

describe("startServer: compression", () => {
  const compressible = SERVED_FILES.filter((f) => f.compressible);

  it.each(compressible)("$path: gzip body decompresses to the original", async (file) => {
    const res = await rawRequest(server.url, file.path, { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/^Accept-Encoding(, Accept)?$/);
    expect(gunzipSync(res.body).equals(bodyOf(file))).toBe(true);
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
  });

  it.each(compressible)("$path: br body decompresses to the original", async (file) => {
    const res = await rawRequest(server.url, file.path, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(res.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(res.body).equals(bodyOf(file))).toBe(true);
  });

  it("prefers br to gzip but honours q-values and q=0", async () => {
    const enc = async (accept: string) => (await rawRequest(server.url, "/rss.xml", { headers: { "Accept-Encoding": accept } })).headers["content-encoding"];
    expect(await enc("gzip, br")).toBe("br");
    expect(await enc("gzip;q=1, br;q=0.5")).toBe("gzip");
    expect(await enc("br;q=0, gzip")).toBe("gzip");
    expect(await enc("identity")).toBeUndefined();
    expect(await enc("*")).toBe("br");
  });

  it("does not compress images", async () => {
    const res = await rawRequest(server.url, "/pic.png", { headers: { "Accept-Encoding": "gzip, br" } });
    expect(res.headers["content-encoding"]).toBeUndefined();
  });
});

describe("startServer: HEAD, directories, errors", () => {
  it("HEAD has the GET headers and no body", async () => {
    const get = await rawRequest(server.url, "/rss.xml", { headers: { "Accept-Encoding": "gzip" } });
    const head = await rawRequest(server.url, "/rss.xml", { method: "HEAD", headers: { "Accept-Encoding": "gzip" } });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ["content-type", "content-length", "etag", "last-modified", "cache-control", "content-encoding", "vary"]) {
      expect(head.headers[name], name).toBe(get.headers[name]);
    }
  });

  it("serves index.html for / and for /dir/", async () => {
    const home = await rawRequest(server.url, "/");
    expect(home.status).toBe(200);
    expect(home.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(home.body.toString()).toContain("<title>Home</title>");
    const item = await rawRequest(server.url, "/2024/01/01/item-1/");
    expect(item.status).toBe(200);
    expect(item.body.toString()).toContain("<title>Item</title>");
  });

  it("redirects /dir to /dir/ with 301, keeping the query", async () => {
    const res = await rawRequest(server.url, "/2024/01/01/item-1?ref=feed");
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe("/2024/01/01/item-1/?ref=feed");
  });

  it("answers 404 with a plain page for missing files, directories without index, and file/ paths", async () => {
    for (const p of ["/nope.xml", "/empty-dir/", "/rss.xml/", "/missing/dir/"]) {
      const res = await rawRequest(server.url, p);
      expect(res.status, p).toBe(404);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.body.toString()).toContain("Not found");
    }
  });

  it("does not serve feedwright's hidden bookkeeping files", async () => {
    const res = await rawRequest(server.url, "/.feedwright-cache.json");
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain(SECRET);
  });

  it.each(["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])("answers %s with 405 and Allow", async (method) => {
    const res = await rawRequest(server.url, "/rss.xml", { method });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD");
  });

  it("logs one line per request with method, path, status, bytes and time", async () => {
    logLines.length = 0;
    await rawRequest(server.url, "/feed.json");
    await rawRequest(server.url, "/nope");
    const size = bodyOf(SERVED_FILES.find((f) => f.path === "/feed.json")!).length;
    expect(logLines).toHaveLength(2);
    expect(logLines[0]).toMatch(new RegExp(`^GET /feed\\.json 200 ${size} B \\d+ ms$`));
    expect(logLines[1]).toMatch(/^GET \/nope 404 \d+ B \d+ ms$/);
  });
});

/** Each attempt to reach outside the served folder, with the request path sent byte for byte. */
const TRAVERSAL_ATTEMPTS: ReadonlyArray<{ name: string; path: string }> = [
  { name: "plain ..", path: "/../etc/passwd" },
  { name: "plain .. to the sibling secret", path: "/../secret.txt" },
  { name: "nested ..", path: "/2024/../../secret.txt" },
  { name: "percent-encoded ..", path: "/%2e%2e/" },
  { name: "percent-encoded .. to the secret", path: "/%2e%2e/secret.txt" },
  { name: "mixed-case encoded ..", path: "/%2E%2e%2fsecret.txt" },
  { name: "double-encoded ..", path: "/%252e%252e/" },
  { name: "double-encoded .. to the secret", path: "/%252e%252e%252fsecret.txt" },
  { name: "encoded backslash", path: "/..%5c" },
  { name: "encoded backslash to the secret", path: "/..%5csecret.txt" },
  { name: "raw backslash", path: "/..\\secret.txt" },
  { name: "NUL byte", path: "/a%00b" },
  { name: "NUL before an extension", path: "/rss.xml%00.html" },
  { name: "absolute path", path: "//etc/passwd" },
  { name: "absolute path to the secret", path: `/${"/"}${"x"}/../secret.txt` },
  { name: "symlink to a file outside", path: "/leak.txt" },
  { name: "symlink to a folder outside", path: "/leakdir/secret.txt" },
  { name: "broken percent-encoding", path: "/%zz" },
];

describe("startServer: path safety", () => {
  it.each(TRAVERSAL_ATTEMPTS)("refuses $name ($path)", async ({ path: requestPath }) => {
    const res = await rawRequest(server.url, requestPath);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain(SECRET);
    expect(res.body.toString()).not.toContain("root:");
  });

  it("refuses the symlink escape with 403", async () => {
    expect((await rawRequest(server.url, "/leak.txt")).status).toBe(403);
    expect((await rawRequest(server.url, "/leakdir/secret.txt")).status).toBe(403);
  });
});

describe("startServer: a feed reader subscribes over HTTP", () => {
  it("rss-parser reads every item of rss.xml", async () => {
    const feed = await new Parser({ timeout: 5000 }).parseURL(`${server.url}rss.xml`);
    expect(feed.title).toBe("Fixture News");
    expect(feed.items.map((item) => item.title)).toEqual(RSS_ITEM_TITLES);
    expect(feed.items.map((item) => item.guid)).toEqual(["fixture-1", "fixture-2", "fixture-3", "fixture-4"]);
  });
});

describe("startServer: files replaced during a rebuild", () => {
  it("always serves a whole old or whole new file while rss.xml is renamed over repeatedly", async () => {
    const target = path.join(site, "rss.xml");
    const versions = [RSS_FIXTURE, RSS_FIXTURE.replace("Fixture News", "Fixture News, rebuilt").repeat(1)];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 40; i++) {
        const tmp = `${target}.tmp-${i}`;
        await writeFile(tmp, versions[i % 2]!);
        await rename(tmp, target);
      }
      writing = false;
    })();
    const seen: string[] = [];
    while (writing) seen.push((await rawRequest(server.url, "/rss.xml")).body.toString());
    await writer;
    for (const body of seen) expect(versions).toContain(body);
    await writeFile(target, RSS_FIXTURE);
  });
});

describe("startServer: lifecycle", () => {
  it("close() ends keep-alive connections and resolves", async () => {
    const { site: otherSite, root: otherRoot } = await makeSite();
    const other = await startServer({ dir: otherSite, port: 0 });
    try {
      const res = await fetch(`${other.url}rss.xml`, { headers: { connection: "keep-alive" } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await other.close();
      await expect(fetch(`${other.url}rss.xml`)).rejects.toThrow();
    } finally {
      await other.close();
      await rm(otherRoot, { recursive: true, force: true });
    }
  });

  it("rejects with a sentence when the port is taken", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ dir: site, port })).rejects.toThrow(/already in use.*--port/);
  });

  it("serves 404 (not a crash) when the folder does not exist yet", async () => {
    const other = await startServer({ dir: path.join(root, "not-built-yet"), port: 0 });
    try {
      expect((await rawRequest(other.url, "/rss.xml")).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
