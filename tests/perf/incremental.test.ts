import { readFile, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { bytesOnly, CONFIG, CORPUS_SIZE, expectSameAsCold, loadCorpus, NOW, outputOf, put, site, yamlArticle } from "../helpers/incremental-site.js";

let corpus: Map<string, Buffer>;

beforeAll(async () => {
  corpus = await loadCorpus();
});

describe("a run with nothing changed", () => {
  it("reads and renders nothing, rewrites nothing, and reports what the last run found", async () => {
    const dir = await site();
    const first = await build({ cwd: dir, now: NOW });
    expect(first.upToDate).toBe(false);
    const before = await outputOf(path.join(dir, "out"));
    const second = await build({ cwd: dir, now: NOW });
    expect(second.upToDate).toBe(true);
    expect(second.files.written).toEqual([]);
    expect(second.files.removed).toEqual([]);
    expect(second.files.unchanged).toEqual([...first.files.written].sort());
    expect({ ...second, files: null, timings: null, cache: null, upToDate: null }).toEqual({ ...first, files: null, timings: null, cache: null, upToDate: null });
    expect(await outputOf(path.join(dir, "out"))).toEqual(before);
  });

  it("is not trusted when an output file was removed or changed by hand: the run puts it back", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    const out = path.join(dir, "out");
    const cold = bytesOnly(await outputOf(out));
    await rm(path.join(out, "feed.json"));
    await writeFile(path.join(out, "index.html"), "defaced");
    const again = await build({ cwd: dir, now: NOW });
    expect(again.upToDate).toBe(false);
    expect(again.files.written).toEqual(["feed.json", "index.html"]);
    expect(bytesOnly(await outputOf(out))).toEqual(cold);
  });

  it("without the cache, does everything every time", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW, cache: false });
    expect((await build({ cwd: dir, now: NOW, cache: false })).upToDate).toBe(false);
  });
});

describe("an incremental run gives a cold run's bytes", () => {
  it("when the content pack was truncated or overwritten: content is derived again", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    const packFile = path.join(dir, ".feedwright-cache", "content.pack");
    const pack = await readFile(packFile);
    // The first half garbled, the rest cut off: no entry reads back as it was stored.
    await writeFile(packFile, Buffer.alloc(Math.floor(pack.length / 2), 0x41));
    // Tag feeds and pages must be rendered again, from content the pack no longer holds.
    const file = yamlArticle();
    await put(dir, file, `${corpus.get(file)!.toString()}\n\nOne more line.\n`);
    await rm(path.join(dir, "out", "rss.xml"));
    await rm(path.join(dir, "out", "tags"), { recursive: true });
    const summary = await expectSameAsCold(dir);
    expect(summary.cache.hits).toBeGreaterThan(CORPUS_SIZE / 2);
  });

  it("after an edit, rewriting only files whose bytes change", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    const before = await outputOf(path.join(dir, "out"));
    const file = yamlArticle();
    await put(dir, file, `${corpus.get(file)!.toString()}\n\nAn added closing paragraph.\n`);
    const summary = await expectSameAsCold(dir);
    expect(summary.upToDate).toBe(false);
    const after = await outputOf(path.join(dir, "out"));
    const changed = [...after].filter(([name, state]) => before.get(name)?.bytes !== state.bytes).map(([name]) => name);
    expect([...summary.files.written].sort()).toEqual(changed.sort());
    for (const [name, state] of after) {
      if (!changed.includes(name)) expect({ name, mtimeMs: state.mtimeMs, ino: state.ino }).toEqual({ name, mtimeMs: before.get(name)!.mtimeMs, ino: before.get(name)!.ino });
    }
  });

  it("after an edit that keeps the file's size and puts its old mtime back (cp -p, touch -r)", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    const file = yamlArticle();
    const original = corpus.get(file)!.toString();
    // One letter of the body changed: same size, and put() dates it as before.
    const at = original.lastIndexOf("e");
    const edited = `${original.slice(0, at)}E${original.slice(at + 1)}`;
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(original));
    await put(dir, file, edited);
    const summary = await expectSameAsCold(dir);
    expect(summary.cache.misses).toBe(1);
    expect(summary.files.written.length).toBeGreaterThan(0);
  });

  it("after an article is added and another deleted", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    await put(dir, "2025/2025-12-31-late-news.md", "---\ntitle: Late news\ndate: 2025-12-31T10:00:00Z\ntags: [brand-new-tag, politics]\n---\nJust in.\n");
    await expectSameAsCold(dir);
    await rm(path.join(dir, "articles", [...corpus.keys()][CORPUS_SIZE / 2]!));
    const summary = await expectSameAsCold(dir);
    expect(summary.files.removed.length).toBeGreaterThan(0);
  });

  it("after a tag is added to an article and then removed", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    const file = yamlArticle();
    const original = corpus.get(file)!.toString();
    const retagged = original.replace(/\ntags:\n/, "\ntags:\n  - only-here\n");
    expect(retagged).not.toBe(original);
    await put(dir, file, retagged);
    await expectSameAsCold(dir);
    await put(dir, file, original);
    await expectSameAsCold(dir);
  });

  it("after the config changes", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    await writeFile(path.join(dir, "feedwright.config.json"), JSON.stringify({ ...CONFIG, feedLimit: 3, title: "Renamed" }));
    const summary = await expectSameAsCold(dir);
    expect(summary.upToDate).toBe(false);
  });

  it("after a file is touched without a change (nothing is rewritten)", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    const file = [...corpus.keys()][3]!;
    await utimes(path.join(dir, "articles", file), new Date("2021-01-01T00:00:00Z"), new Date("2021-01-01T00:00:00Z"));
    const summary = await expectSameAsCold(dir);
    expect(summary.upToDate).toBe(false);
    expect(summary.files.written).toEqual([]);
  });

  it("when a scheduled article's time passes, and when the clock is set back", async () => {
    const dir = await site();
    await put(dir, "2026/2026-07-01-future.md", "---\ntitle: From the future\ndate: 2026-07-01T09:00:00Z\ntags: [politics]\n---\nNot yet.\n");
    const early = await build({ cwd: dir, now: NOW });
    expect(early.scheduled.map((item) => item.file)).toEqual(["2026/2026-07-01-future.md"]);
    expect((await build({ cwd: dir, now: NOW + 1000 })).upToDate).toBe(true);
    const later = await expectSameAsCold(dir, { now: Date.parse("2026-07-01T09:00:00Z") });
    expect(later.upToDate).toBe(false);
    expect(later.published[0]).toBe("2026/2026-07-01-future.md");
    const back = await expectSameAsCold(dir, { now: NOW });
    expect(back.upToDate).toBe(false);
    expect(back.scheduled).toHaveLength(1);
  });

  it("with --drafts after a run without it", async () => {
    const dir = await site();
    await put(dir, "2025/2025-06-01-draft.md", "---\ntitle: A draft\ndate: 2025-06-01\ndraft: true\n---\nUnfinished.\n");
    await build({ cwd: dir, now: NOW });
    const withDrafts = await expectSameAsCold(dir, { drafts: true });
    expect(withDrafts.upToDate).toBe(false);
    expect(withDrafts.published).toContain("2025/2025-06-01-draft.md");
  });

  it("when a file pending last time has settled", async () => {
    const dir = await site({ ...CONFIG, settleSeconds: 60 });
    const fresh = new Date();
    await put(dir, "2025/2025-12-31-fresh.md", "---\ntitle: Fresh\ndate: 2025-12-31\n---\nJust saved.\n", fresh);
    const first = await build({ cwd: dir, now: NOW });
    expect(first.pending.map((item) => item.file)).toEqual(["2025/2025-12-31-fresh.md"]);
    const later = await expectSameAsCold(dir, { clock: () => fresh.getTime() + 120_000 });
    expect(later.upToDate).toBe(false);
    expect(later.published).toContain("2025/2025-12-31-fresh.md");
  });
});
