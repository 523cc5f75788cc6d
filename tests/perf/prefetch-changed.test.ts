import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { readAndDerive, type ReadAndDerived } from "../../src/pipeline/derive-file.js";
import { loadArticles } from "../../src/pipeline/load-articles.js";
import { prefetchChanged, PREFETCH_MAX_FILES, type Prefetched } from "../../src/pipeline/prefetch-changed.js";
import type { WarmWorker } from "../../src/pipeline/worker-pool.js";
import { fileVersions } from "../../src/publish/build-state.js";
import { findArticleFiles } from "../../src/read/find-article-files.js";
import { makeFixture } from "../helpers/fixture.js";

/**
 * loadArticles takes a file's result derived ahead (prefetch-changed.ts) only when it would
 * derive that file itself, with the same `recent` flag. To see which way a file went, the
 * result handed in for a.md is what deriving b.md gives: an article titled "Bee".
 */
const CONFIG = configSchema.parse({ siteUrl: "https://prefetch.example/", timeZone: "UTC", settleSeconds: 0 });
const NOW = Date.parse("2025-01-01T00:00:00Z");

async function site(): Promise<string> {
  const dir = await makeFixture({
    "articles/2024-01-01-a.md": "---\ntitle: Ay\n---\nA.\n",
    "articles/2024-01-02-b.md": "---\ntitle: Bee\n---\nB.\n",
  });
  return `${dir}/articles`;
}

const ahead = (result: ReadAndDerived | undefined, recent = false): Prefetched["get"] extends (key: string) => infer V ? V : never => ({
  recent,
  result: Promise.resolve(result),
});

/** The titles loaded, in file order (a.md, then b.md). */
const titles = (loaded: Awaited<ReturnType<typeof loadArticles>>) => loaded.articles.map((article) => article.title);

describe("results derived ahead", () => {
  it("are taken for files the run derives with the same recent flag", async () => {
    const dir = await site();
    const bee = readAndDerive(dir, "2024-01-02-b.md", false, CONFIG);
    const loaded = await loadArticles(dir, CONFIG, { now: NOW, prefetched: new Map([["2024-01-01-a.md", ahead(bee)]]) });
    expect(titles(loaded)).toEqual(["Bee", "Bee"]);
  });

  it("are not taken when derived with another recent flag, or when the thread stopped first", async () => {
    const dir = await site();
    const bee = readAndDerive(dir, "2024-01-02-b.md", true, CONFIG);
    const loaded = await loadArticles(dir, CONFIG, {
      now: NOW,
      prefetched: new Map([
        ["2024-01-01-a.md", ahead(bee, true)],
        ["2024-01-02-b.md", ahead(undefined)],
      ]),
    });
    expect(titles(loaded)).toEqual(["Ay", "Bee"]);
  });

  it("are not taken for a file the cache serves", async () => {
    const dir = await site();
    const { openCache } = await import("../../src/publish/article-cache.js");
    const cacheFile = `${dir}/../cache/articles.json`;
    const key = { programVersion: "test", configHash: "c" };
    const first = await openCache<never>(cacheFile, key);
    await loadArticles(dir, CONFIG, { now: NOW, cache: first });
    await first.save();
    const bee = readAndDerive(dir, "2024-01-02-b.md", false, CONFIG);
    const loaded = await loadArticles(dir, CONFIG, { now: NOW, cache: await openCache(cacheFile, key), prefetched: new Map([["2024-01-01-a.md", ahead(bee)]]) });
    expect(titles(loaded)).toEqual(["Ay", "Bee"]);
  });
});

describe("prefetchChanged", () => {
  /** A warm thread that records what it is asked to derive and derives it here. */
  function recordingWarm(dir: string): { warm: WarmWorker; asked: Array<Array<{ sourcePath: string; recent: boolean }>> } {
    const asked: Array<Array<{ sourcePath: string; recent: boolean }>> = [];
    const warm: WarmWorker = {
      stat: async (files) => fileVersions(files),
      derive: async (files) => {
        asked.push(files);
        return files.map((file) => readAndDerive(dir, file.sourcePath, file.recent, CONFIG));
      },
      take: () => undefined,
      stop: async () => {},
    };
    return { warm, asked };
  }

  it("sends the changed files the run would derive, judged as loadArticles judges them", async () => {
    const dir = await makeFixture({
      "articles/2024-01-01-a.md": "---\ntitle: Ay\n---\nA.\n",
      "articles/2024-01-02-big.md": `---\ntitle: Big\n---\n${"x".repeat(2000)}\n`,
    });
    const found = await findArticleFiles(`${dir}/articles`);
    const stats = fileVersions(found.files.map((file) => `${dir}/articles/${file}`));
    const { warm, asked } = recordingWarm(`${dir}/articles`);
    const config = { ...CONFIG, maxFileBytes: 1000 };
    const now = (stats[0]?.mtimeMs ?? 0) + 60_000;
    const prefetched = prefetchChanged(warm, { found, stats }, [0, 1], config, now);
    // The big file is over maxFileBytes: loadArticles skips it, so it is not derived ahead.
    expect(asked).toEqual([[{ sourcePath: "2024-01-01-a.md", recent: true }]]);
    const result = await prefetched?.get("2024-01-01-a.md")?.result;
    expect(result?.ok && result.derived.kind === "article" && result.derived.outcome.kind === "article" ? result.derived.outcome.article.title : null).toBe("Ay");
  });

  it("sends nothing for no changed files, or for more than a batch", async () => {
    const dir = await makeFixture({ "articles/2024-01-01-a.md": "---\ntitle: Ay\n---\nA.\n" });
    const found = await findArticleFiles(`${dir}/articles`);
    const stats = fileVersions(found.files.map((file) => `${dir}/articles/${file}`));
    const { warm, asked } = recordingWarm(`${dir}/articles`);
    expect(prefetchChanged(warm, { found, stats }, [], CONFIG, NOW)).toBeUndefined();
    expect(prefetchChanged(warm, { found, stats }, Array.from({ length: PREFETCH_MAX_FILES + 1 }, () => 0), CONFIG, NOW)).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
