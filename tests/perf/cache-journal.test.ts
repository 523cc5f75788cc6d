import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JOURNAL_SUFFIX, hashConfig, openCache } from "../../src/publish/article-cache.js";
import { makeFixture } from "../helpers/fixture.js";

const key = { programVersion: "0.1.0", configHash: hashConfig({ title: "journal" }) };
const NOW = Date.parse("2026-11-24T12:00:00Z");
const clock = { now: () => NOW };
const stat = (n: number) => ({ size: n, mtimeMs: NOW - 60_000, ctimeMs: NOW - 60_000, ino: n });
const NAMES = Array.from({ length: 200 }, (_, i) => `a${String(i).padStart(3, "0")}.md`);

/** A cache of 200 entries, saved once. */
async function filledCache(): Promise<string> {
  const file = path.join(await makeFixture(), ".feedwright-cache", "articles.json");
  const cache = await openCache<string>(file, key, clock);
  NAMES.forEach((name, i) => cache.store(name, stat(i), `h${i}`, `v${i}`));
  await cache.save();
  return file;
}

/** Opens the cache, uses every entry, and applies `change`. */
async function run(file: string, change: (cache: Awaited<ReturnType<typeof openCache<string>>>) => void): Promise<void> {
  const cache = await openCache<string>(file, key, clock);
  NAMES.forEach((name, i) => cache.lookup(name, stat(i)));
  change(cache);
  await cache.save();
}

describe("the article cache journal", () => {
  it("records a few changes without rewriting the cache file, and reads them back", async () => {
    const file = await filledCache();
    const base = await fs.readFile(file);
    await run(file, (cache) => cache.store("a005.md", stat(999), "h-new", "edited"));
    await run(file, (cache) => {
      // The edited file is looked up by its new stat; its old one (in `run`) missed.
      cache.lookup("a005.md", stat(999));
      cache.store("new.md", stat(1), "h-add", "added");
    });
    expect(Buffer.compare(await fs.readFile(file), base)).toBe(0);
    // The header, the edit, the addition.
    expect((await fs.readFile(file + JOURNAL_SUFFIX, "utf8")).trim().split("\n")).toHaveLength(3);

    const reopened = await openCache<string>(file, key, clock);
    expect(reopened.lookup("a005.md", stat(999))).toBe("edited");
    expect(reopened.lookup("a005.md", stat(5))).toBeUndefined();
    expect(reopened.lookup("new.md", stat(1))).toBe("added");
    expect(reopened.lookup("a006.md", stat(6))).toBe("v6");
  });

  it("records dropped entries, and ignores a line cut off by a killed run", async () => {
    const file = await filledCache();
    const dropped = await openCache<string>(file, key, clock);
    NAMES.slice(1).forEach((name) => dropped.lookup(name, stat(NAMES.indexOf(name))));
    dropped.store("a010.md", stat(77), "h77", "v77");
    await dropped.save();
    await fs.appendFile(file + JOURNAL_SUFFIX, '["a011.md",{"size":1');

    const reopened = await openCache<string>(file, key, clock);
    expect(reopened.lookup("a000.md", stat(0))).toBeUndefined();
    expect(reopened.lookup("a010.md", stat(77))).toBe("v77");
    expect(reopened.lookup("a011.md", stat(11))).toBe("v11");
  });

  it("folds the journal back in once it grows, and ignores a journal of another cache file", async () => {
    const file = await filledCache();
    const journal = file + JOURNAL_SUFFIX;
    await run(file, (cache) => cache.store("a001.md", stat(500), "h", "small change"));
    await expect(fs.stat(journal)).resolves.toBeTruthy();
    await run(file, (cache) => NAMES.forEach((name, i) => cache.store(name, stat(i + 1000), `g${i}`, `w${i}`)));
    await expect(fs.stat(journal)).rejects.toThrow();
    const reopened = await openCache<string>(file, key, clock);
    expect(reopened.lookup("a001.md", stat(1001))).toBe("w1");

    await fs.writeFile(journal, `${JSON.stringify({ base: "someone-else" })}\n${JSON.stringify(["a002.md", { size: 1002, mtimeMs: NOW - 60_000, ctimeMs: NOW - 60_000, ino: 1002, hash: "x", statTrusted: true, value: "foreign" }])}\n`);
    const again = await openCache<string>(file, key, clock);
    expect(again.lookup("a002.md", stat(1002))).toBe("w2");
  });
});
