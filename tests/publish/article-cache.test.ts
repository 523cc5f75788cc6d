import fs from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_FORMAT, RACY_WINDOW_MS, hashConfig, hashContent, openCache, peekCache, stableStringify } from "../../src/publish/article-cache.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

const key = { programVersion: "0.1.0", configHash: hashConfig({ title: "t" }) };
const NOW = Date.parse("2026-11-24T12:00:00Z");
const old = { size: 10, mtimeMs: NOW - 60_000, ctimeMs: NOW - 60_000, ino: 42 };
const clock = { now: () => NOW };

async function cacheFileIn(dir: string) {
  return path.join(dir, ".feedwright-cache", "articles.json");
}

describe("article cache", () => {
  it("round-trips values by stat and by content hash", async () => {
    const file = await cacheFileIn(await makeTempDir(created));
    const first = await openCache<{ title: string }>(file, key, clock);
    expect(first.lookup("a.md", old)).toBeUndefined();
    first.store("a.md", old, hashContent(Buffer.from("A")), { title: "A" });
    await first.save();

    const second = await openCache<{ title: string }>(file, key, clock);
    expect(second.lookup("a.md", old)).toEqual({ title: "A" });
    // Touched (new mtime) but same content: the stat misses, the hash hits.
    expect(second.lookup("a.md", { ...old, mtimeMs: old.mtimeMs + 5 })).toBeUndefined();
    // Rewritten with its size and old mtime kept (cp -p, touch -r): ctime moved, or another inode.
    expect(second.lookup("a.md", { ...old, ctimeMs: old.ctimeMs + 5 })).toBeUndefined();
    expect(second.lookup("a.md", { ...old, ino: old.ino + 1 })).toBeUndefined();
    expect(second.lookupByHash("a.md", hashContent(Buffer.from("A")))).toEqual({ title: "A" });
    expect(second.lookupByHash("a.md", hashContent(Buffer.from("B")))).toBeUndefined();
    expect(second.lookup("other.md", old)).toBeUndefined();
    expect(second.stats).toEqual({ hits: 1, hashHits: 1, misses: 4 });
  });

  it("keeps only entries used this run, so deleted files drop out", async () => {
    const file = await cacheFileIn(await makeTempDir(created));
    const first = await openCache<string>(file, key, clock);
    first.store("keep.md", old, "h1", "kept");
    first.store("gone.md", old, "h2", "gone");
    first.store("rehashed.md", old, "h3", "rehashed");
    await first.save();

    const second = await openCache<string>(file, key, clock);
    expect(second.lookup("keep.md", old)).toBe("kept");
    expect(second.lookupByHash("rehashed.md", "h3")).toBe("rehashed");
    await second.save();

    const third = await openCache<string>(file, key, clock);
    expect(third.lookup("keep.md", old)).toBe("kept");
    expect(third.lookupByHash("rehashed.md", "h3")).toBe("rehashed");
    expect(third.lookup("gone.md", old)).toBeUndefined();
    expect(third.lookupByHash("gone.md", "h2")).toBeUndefined();
  });

  it("saves identical bytes when nothing changed", async () => {
    const file = await cacheFileIn(await makeTempDir(created));
    const first = await openCache<string>(file, key, clock);
    first.store("b.md", old, "hb", "B");
    first.store("a.md", old, "ha", "A");
    await first.save();
    const bytes = await fs.readFile(file);
    const second = await openCache<string>(file, key, clock);
    second.lookup("a.md", old);
    second.lookup("b.md", old);
    await second.save();
    expect(Buffer.compare(await fs.readFile(file), bytes)).toBe(0);
  });

  it("does not trust the stat of a file stored moments after it changed", async () => {
    const file = await cacheFileIn(await makeTempDir(created));
    const fresh = { size: 3, mtimeMs: NOW - RACY_WINDOW_MS / 2, ctimeMs: NOW - RACY_WINDOW_MS / 2, ino: 7 };
    const first = await openCache<string>(file, key, clock);
    first.store("fresh.md", fresh, "hf", "F");
    await first.save();
    const second = await openCache<string>(file, key, clock);
    expect(second.lookup("fresh.md", fresh)).toBeUndefined();
    expect(second.lookupByHash("fresh.md", "hf")).toBe("F");
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["truncated", '{"format":1,"programVersion":"0.1.0","configHash":"'],
    ["not JSON", "\u0000\u0001garbage"],
    ["wrong shape", '{"format":1,"programVersion":"0.1.0","configHash":"HASH","entries":{"a.md":{"size":"10"}}}'],
    ["entries array", '{"format":1,"programVersion":"0.1.0","configHash":"HASH","entries":[]}'],
    ["other format", '{"format":99,"programVersion":"0.1.0","configHash":"HASH","entries":{}}'],
    ["bad entry line", `{"format":${CACHE_FORMAT},"programVersion":"0.1.0","configHash":"HASH","id":"x","count":1}\n["a.md",{"size":"10"}]\n`],
    ["journal-style deletion line", `{"format":${CACHE_FORMAT},"programVersion":"0.1.0","configHash":"HASH","id":"x","count":1}\n["a.md",null]\n`],
    ["short of its count", `{"format":${CACHE_FORMAT},"programVersion":"0.1.0","configHash":"HASH","id":"x","count":2}\n["a.md",{"size":10,"mtimeMs":1,"ctimeMs":1,"ino":42,"hash":"ha","statTrusted":true,"value":"A"}]\n`],
  ])("opens a %s cache as empty", async (_label, text) => {
    const file = await cacheFileIn(await makeTempDir(created));
    // Start from a valid cache so "empty" really means "ignored", not "never written".
    const valid = await openCache<string>(file, key, clock);
    valid.store("a.md", old, "ha", "A");
    await valid.save();
    if (text === null) await fs.rm(file);
    else await fs.writeFile(file, text.replace("HASH", key.configHash));
    const cache = await openCache<string>(file, key, clock);
    expect(cache.lookup("a.md", old)).toBeUndefined();
    expect(cache.lookupByHash("a.md", "ha")).toBeUndefined();
    // And it still works afterwards.
    cache.store("a.md", old, "ha", "A2");
    await cache.save();
    expect((await openCache<string>(file, key, clock)).lookup("a.md", old)).toBe("A2");
  });

  it("reads back a cache of many megabytes, one entry a line", async () => {
    const file = await cacheFileIn(await makeTempDir(created));
    const first = await openCache<{ text: string }>(file, key, clock);
    const value = (index: number) => ({ text: `${index} ${"é€😀".repeat(index % 7)}${"x".repeat(700 + (index % 13) * 97)}` });
    for (let index = 0; index < 4000; index++) first.store(`${index}.md`, { ...old, ino: index }, `h${index}`, value(index));
    await first.save();
    expect((await fs.stat(file)).size).toBeGreaterThan(3 << 20);
    const second = await openCache<{ text: string }>(file, key, clock);
    for (let index = 0; index < 4000; index++) expect(second.lookup(`${index}.md`, { ...old, ino: index })).toEqual(value(index));
  });

  it("opens a cache cut short anywhere, or with a byte outside ASCII, as empty", async () => {
    const dir = await makeTempDir(created);
    const file = await cacheFileIn(dir);
    const first = await openCache<string>(file, key, clock);
    for (let index = 0; index < 40; index++) first.store(`${index}.md`, { ...old, ino: index }, `h${index}`, `value ${index} ünïcödé`);
    await first.save();
    const whole = await fs.readFile(file);
    const lookups = async () => {
      const cache = await openCache<string>(file, key, clock);
      return Array.from({ length: 40 }, (_, index) => cache.lookup(`${index}.md`, { ...old, ino: index })).filter((found) => found !== undefined).length;
    };
    expect(await lookups()).toBe(40);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: whole.length - 2 }), async (cut) => {
        await fs.writeFile(file, whole.subarray(0, cut));
        expect(await lookups()).toBe(0);
      }),
      { numRuns: 40 },
    );
    const foreign = Buffer.from(whole);
    foreign[foreign.length - 10] = 0xe9;
    await fs.writeFile(file, foreign);
    expect(await lookups()).toBe(0);
  });

  it.each([
    ["program version", { ...key, programVersion: "0.2.0" }],
    ["config", { ...key, configHash: hashConfig({ title: "other" }) }],
  ])("treats a %s change as an empty cache", async (_label, otherKey) => {
    const file = await cacheFileIn(await makeTempDir(created));
    const first = await openCache<string>(file, key, clock);
    first.store("a.md", old, "ha", "A");
    await first.save();
    const second = await openCache<string>(file, otherKey, clock);
    expect(second.lookup("a.md", old)).toBeUndefined();
    expect(second.lookupByHash("a.md", "ha")).toBeUndefined();
  });
});

describe("peekCache", () => {
  /** Paths a line's leading JSON string must tell apart: quotes, commas, backslashes, non-ASCII, prefixes of one another. */
  const awkward = ['a.md', 'a.md.md', 'with "quotes",{x}.md', 'back\\slash.md', 'ünï/cödé 😀.md', '2025/a,b.md', 'x.md'];

  it("reads exactly the entries asked for, with the journal applied, as openCache would", async () => {
    const file = await cacheFileIn(await makeTempDir(created));
    const first = await openCache<{ index: number }>(file, key, clock);
    // Enough entries, and long enough, that lines cross the reader's megabyte chunks.
    for (let index = 0; index < 3000; index++) first.store(`${index}.md`, { ...old, ino: index }, `h${index}`, { index, pad: "p".repeat(index % 900) } as { index: number });
    awkward.forEach((relPath, index) => first.store(relPath, { ...old, ino: 10_000 + index }, `a${index}`, { index: -index }));
    await first.save();
    // A later run changes one entry and drops another: the journal holds both changes.
    const second = await openCache<{ index: number }>(file, key, clock);
    for (let index = 0; index < 3000; index++) if (index !== 7) second.lookup(`${index}.md`, { ...old, ino: index });
    awkward.forEach((relPath, index) => second.lookup(relPath, { ...old, ino: 10_000 + index }));
    second.store("5.md", { ...old, ino: 99 }, "new", { index: 555 });
    await second.save();
    expect(await fs.readFile(`${file}.journal`, "utf8")).toContain("555");

    const wanted = ["5.md", "7.md", "2999.md", "1234.md", "missing.md", ...awkward];
    const peek = await peekCache<{ index: number }>(file, key, wanted);
    expect(peek).not.toBeNull();
    const whole = await openCache<{ index: number }>(file, key, clock);
    for (const relPath of wanted) {
      const entry = peek!.entries.get(relPath);
      if (relPath === "7.md" || relPath === "missing.md") expect(entry).toBeUndefined();
      else expect(entry!.value).toEqual(whole.lastKnown(relPath));
    }
    expect(peek!.entries.get("5.md")).toMatchObject({ ino: 99, hash: "new" });
    expect(peek!.entries.size).toBe(wanted.length - 2);
  });

  it("appends to the journal so that the next full open sees the change", async () => {
    const file = await cacheFileIn(await makeTempDir(created));
    const first = await openCache<string>(file, key, clock);
    for (const relPath of awkward) first.store(relPath, old, "h", `old ${relPath}`);
    await first.save();
    const peek = await peekCache<string>(file, key, [awkward[4]!]);
    expect(peek!.journalRoom).toBe(64);
    const changed = { ...old, mtimeMs: old.mtimeMs + 1 };
    await peek!.append([[awkward[4]!, { ...changed, hash: "h2", statTrusted: true, value: "new" }]]);
    const reopened = await openCache<string>(file, key, clock);
    expect(reopened.lookup(awkward[4]!, changed)).toBe("new");
    expect(reopened.lookup(awkward[0]!, old)).toBe(`old ${awkward[0]}`);
    const again = await peekCache<string>(file, key, [awkward[4]!]);
    expect(again!.journalRoom).toBe(63);
    expect(again!.entries.get(awkward[4]!)!.value).toBe("new");
  });

  it("finds nothing in a cache for another key, cut short, or missing", async () => {
    const file = await cacheFileIn(await makeTempDir(created));
    expect(await peekCache(file, key, ["a.md"])).toBeNull();
    const first = await openCache<string>(file, key, clock);
    for (let index = 0; index < 20; index++) first.store(`${index}.md`, old, "h", "v");
    await first.save();
    expect(await peekCache(file, { ...key, programVersion: "0.2.0" }, ["1.md"])).toBeNull();
    const whole = await fs.readFile(file);
    await fs.writeFile(file, whole.subarray(0, whole.length - 40));
    expect(await peekCache(file, key, ["1.md"])).toBeNull();
  });
});

describe("hashConfig and hashContent", () => {
  it("hashConfig ignores key order at every level but not values", () => {
    expect(hashConfig({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(hashConfig({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }));
    expect(hashConfig({ a: 1 })).not.toBe(hashConfig({ a: 2 }));
    expect(hashConfig([1, 2])).not.toBe(hashConfig([2, 1]));
    const withProto = JSON.parse('{"__proto__": {"x": 1}, "a": 1}');
    expect(hashConfig(withProto)).not.toBe(hashConfig({ a: 1 }));
  });

  it("stableStringify is the same for any key order (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(stableStringify(reversed)).toBe(stableStringify(obj));
        expect(JSON.parse(stableStringify(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it("hashContent is sha256 hex", () => {
    expect(hashContent(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
