import { spawn } from "node:child_process";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { acquireLock } from "../../src/publish/lock.js";
import { runCli } from "../helpers/cli.js";
import { makeFixture, writeFiles } from "../helpers/fixture.js";

const ARTICLES = {
  "articles/2024-04-01-one.md": "---\ntitle: One\ntags: [alpha]\n---\nFirst article.",
  "articles/2024-04-02-two.md": "---\ntitle: Two\ntags: [beta]\n---\nSecond article.",
  "articles/2024-04-03-three.md": "---\ntitle: Three\n---\nThird article.",
};

/** Every file under `dir` (relative path -> bytes and mtime), feedwright's own bookkeeping included. */
async function snapshot(dir: string): Promise<Map<string, { bytes: string; mtimeMs: number }>> {
  const result = new Map<string, { bytes: string; mtimeMs: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result.set(path.relative(dir, file), { bytes: (await readFile(file)).toString("base64"), mtimeMs: (await stat(file)).mtimeMs });
  }
  return result;
}

describe("safe to repeat and to overlap", () => {
  it("a second run with nothing changed leaves every file byte-identical with the same mtime", async () => {
    const dir = await makeFixture(ARTICLES);
    expect((await runCli(["build"], dir)).code).toBe(0);
    const before = await snapshot(path.join(dir, "out"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await runCli(["build", "--json"], dir);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ written: [], removed: [] });
    expect(await snapshot(path.join(dir, "out"))).toEqual(before);
  });

  it("removes what it wrote for a deleted article and never touches other files in out/", async () => {
    const dir = await makeFixture(ARTICLES);
    await build({ cwd: dir });
    await writeFiles(dir, { "out/CNAME": "example.org\n", "out/2024/04/02/notes.txt": "mine" });
    await rm(path.join(dir, "articles", "2024-04-02-two.md"));
    const summary = await build({ cwd: dir });
    // The article's page goes, and so do the feeds and page of "beta", a tag only it had.
    expect(summary.files.removed).toEqual([
      "2024/04/02/two/index.html",
      "tags/beta/atom.xml",
      "tags/beta/feed.json",
      "tags/beta/index.html",
      "tags/beta/rss.xml",
    ]);
    expect(await readFile(path.join(dir, "out", "CNAME"), "utf8")).toBe("example.org\n");
    expect(await readFile(path.join(dir, "out", "2024", "04", "02", "notes.txt"), "utf8")).toBe("mine");
    const feed = JSON.parse(await readFile(path.join(dir, "out", "feed.json"), "utf8"));
    expect(feed.items.map((item: { title: string }) => item.title)).toEqual(["Three", "One"]);
  });

  it("a run that finds the lock held waits, then exits 75 with one line naming the holder", async () => {
    const dir = await makeFixture({ ...ARTICLES, "feedwright.config.json": JSON.stringify({ lockWaitSeconds: 0.5 }) });
    await build({ cwd: dir });
    const held = await acquireLock(path.join(dir, "out", ".feedwright.lock"), { waitMs: 0, command: "test holder" });
    try {
      const result = await runCli(["build"], dir);
      expect(result.code).toBe(75);
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`pid ${process.pid}`);
      expect(lines[0]).toContain(os.hostname());
    } finally {
      await held.release();
    }
    expect((await runCli(["build"], dir)).code).toBe(0);
  });

  it("two runs started together both succeed, one after the other", async () => {
    const dir = await makeFixture(ARTICLES);
    const [a, b] = await Promise.all([runCli(["build"], dir), runCli(["build"], dir)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const feed = JSON.parse(await readFile(path.join(dir, "out", "feed.json"), "utf8"));
    expect(feed.items).toHaveLength(3);
  });

  it("takes over a stale lock left by a crashed run", async () => {
    const dir = await makeFixture(ARTICLES);
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((resolve) => dead.on("exit", () => resolve(dead.pid!)));
    await writeFiles(dir, {
      "out/.feedwright.lock": JSON.stringify({ pid: deadPid, hostname: os.hostname(), startedAt: "2024-01-01T00:00:00Z", command: "feedwright build", token: "x" }),
    });
    const result = await runCli(["build"], dir);
    expect(result.code).toBe(0);
    await expect(stat(path.join(dir, "out", ".feedwright.lock"))).rejects.toThrow();
  });

  it("an article that appears mid-run is published whole by the next run", async () => {
    const dir = await makeFixture(ARTICLES);
    let written = false;
    const first = await build({
      cwd: dir,
      onProgress: (done) => {
        if (done === 1 && !written) {
          written = true;
          void writeFile(path.join(dir, "articles", "2024-04-04-late.md"), "---\ntitle: Late\n---\nArrived mid-run.");
        }
      },
    });
    expect(written).toBe(true);
    expect(first.published).not.toContain("2024-04-04-late.md");
    await writeFiles(dir, { "articles/2024-04-04-late.md": "---\ntitle: Late\n---\nArrived mid-run." });
    const second = await build({ cwd: dir });
    expect(second.published[0]).toBe("2024-04-04-late.md");
  });

  it("the cache only changes speed: a corrupt or deleted cache and an incremental build give a cold build's bytes", async () => {
    const dir = await makeFixture(ARTICLES);
    await build({ cwd: dir });
    await writeFiles(dir, { "articles/2024-04-02-two.md": "---\ntitle: Two, edited\ntags: [beta]\n---\nSecond article, edited." });
    const incremental = await build({ cwd: dir });
    expect(incremental.cache.hits).toBe(2);
    const incrementalFiles = await snapshot(path.join(dir, "out"));

    const cold = await build({ cwd: dir, outDir: "cold", cache: false });
    expect(cold.cache).toEqual({ hits: 0, misses: 0 });
    const coldFiles = await snapshot(path.join(dir, "cold"));
    const bytesOf = (files: Map<string, { bytes: string }>) => new Map([...files].filter(([name]) => !name.startsWith(".")).map(([name, v]) => [name, v.bytes]));
    expect(bytesOf(incrementalFiles)).toEqual(bytesOf(coldFiles));

    await writeFile(path.join(dir, ".feedwright-cache", "articles.json"), '{"format":1,"entries":{"2024-04-01-one.md":');
    await rm(path.join(dir, "out"), { recursive: true });
    const afterCorruption = await build({ cwd: dir });
    expect(afterCorruption.skipped).toEqual([]);
    expect(bytesOf(await snapshot(path.join(dir, "out")))).toEqual(bytesOf(coldFiles));
  });

  it("pings a configured WebSub hub once per changed feed, and not when nothing changed", async () => {
    const pings: string[] = [];
    const hub = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        pings.push(new URLSearchParams(body).get("hub.url") ?? "");
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hub.listen(0, "127.0.0.1", resolve));
    try {
      const port = (hub.address() as { port: number }).port;
      const dir = await makeFixture({ ...ARTICLES, "feedwright.config.json": JSON.stringify({ siteUrl: "https://feeds.example/", hub: `http://127.0.0.1:${port}/` }) });
      const first = await build({ cwd: dir });
      expect(first.websub.warnings).toEqual([]);
      expect(pings.filter((url) => url === "https://feeds.example/rss.xml")).toHaveLength(1);
      expect(pings.filter((url) => url === "https://feeds.example/atom.xml")).toHaveLength(1);
      expect(pings.filter((url) => url === "https://feeds.example/feed.json")).toHaveLength(1);
      expect(new Set(pings).size).toBe(pings.length);
      const count = pings.length;
      await build({ cwd: dir });
      expect(pings).toHaveLength(count);
    } finally {
      await new Promise((resolve) => hub.close(resolve));
    }
  });
});
