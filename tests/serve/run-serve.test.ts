import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Parser from "rss-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runServe, type RunningServe } from "../../src/serve/run-serve.js";

async function waitFor(condition: () => Promise<boolean> | boolean, limitMs: number, what: string): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let root: string;
let running: RunningServe | undefined;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "feedwright-run-serve-"));
  await mkdir(path.join(root, "articles"));
  await mkdir(path.join(root, "out"));
  await writeFile(path.join(root, "articles", "2024-01-01-first.md"), "# First\n");
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  await rm(root, { recursive: true, force: true });
});

/** A stand-in for the real build: one RSS item per article, links under siteUrl, written atomically. */
async function fakeBuild(siteUrl: string): Promise<void> {
  const names = (await readdir(path.join(root, "articles"))).filter((n) => n.endsWith(".md")).sort();
  if (names.includes("2024-12-31-broken.md")) throw new Error("2024-12-31-broken.md:1: the date is in the future.");
  const items = names
    .map((n) => `<item><title>${n}</title><link>${siteUrl}${n.replace(/\.md$/, "/")}</link><guid>${n}</guid></item>`)
    .join("");
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>${siteUrl}</link><description>d</description>${items}</channel></rss>`;
  const target = path.join(root, "out", "rss.xml");
  await writeFile(`${target}.tmp`, xml);
  await rename(`${target}.tmp`, target);
}

describe("runServe", () => {
  it("builds for the served address, so a reader's links point at this server", async () => {
    const siteUrls: string[] = [];
    running = await runServe({
      dir: path.join(root, "out"),
      port: 0,
      build: async (siteUrl) => {
        siteUrls.push(siteUrl);
        await fakeBuild(siteUrl);
      },
      log: () => {},
    });
    expect(siteUrls).toEqual([running.url]);
    const feed = await new Parser().parseURL(`${running.url}rss.xml`);
    expect(feed.items.map((i) => i.link)).toEqual([`${running.url}2024-01-01-first/`]);
  });

  it("with watch, a new article reaches a subscribed reader within two seconds", async () => {
    const lines: string[] = [];
    running = await runServe({
      dir: path.join(root, "out"),
      port: 0,
      watch: true,
      watchPaths: [path.join(root, "articles")],
      debounceMs: 50,
      build: fakeBuild,
      log: (line) => lines.push(line),
    });
    const url = `${running.url}rss.xml`;
    expect((await new Parser().parseURL(url)).items).toHaveLength(1);
    await writeFile(path.join(root, "articles", "2024-01-02-second.md"), "# Second\n");
    await waitFor(async () => (await new Parser().parseURL(url)).items.length === 2, 2000, "the second item in the served feed");
    expect(lines.some((l) => /^Changed: .*2024-01-02-second\.md\. Rebuilding\.\.\.$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Rebuilt in \d+ ms\.$/.test(l))).toBe(true);
  });

  it("keeps serving the previous output when a rebuild fails, and says so", async () => {
    const lines: string[] = [];
    running = await runServe({
      dir: path.join(root, "out"),
      port: 0,
      watch: true,
      watchPaths: [path.join(root, "articles")],
      debounceMs: 50,
      build: fakeBuild,
      log: (line) => lines.push(line),
    });
    await writeFile(path.join(root, "articles", "2024-12-31-broken.md"), "x");
    await waitFor(() => lines.some((l) => l.startsWith("Rebuild failed:")), 2000, "the failure line");
    expect(lines.find((l) => l.startsWith("Rebuild failed:"))).toContain("the date is in the future");
    expect((await new Parser().parseURL(`${running.url}rss.xml`)).items).toHaveLength(1);
  });

  it("still serves when the first build fails", async () => {
    const lines: string[] = [];
    running = await runServe({
      dir: path.join(root, "out"),
      port: 0,
      build: async () => {
        throw new Error("The config file is not valid JSON.");
      },
      log: (line) => lines.push(line),
    });
    expect(lines).toContain("Build failed: The config file is not valid JSON.");
    const res = await fetch(`${running.url}nothing-here`);
    expect(res.status).toBe(404);
  });
});
