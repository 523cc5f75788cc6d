import { rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type * as Library from "../../src/index.js";
import { SETTLED_MTIME } from "../helpers/fixture.js";
import { bytesUnder, loadBuiltLibrary, makeGeneratedSite, readGeneratedCorpus } from "../helpers/generated-site.js";

/**
 * Article pages are rendered ahead, in the thread that derives each article, and kept only
 * when their key matches the page planned with the whole site known. These builds compare
 * that with rendering every page at the end, on articles chosen to make the guesses wrong:
 * tags whose slugs clash ("C" and "C++" both slug to "c"), a permalink clash (the second
 * article's URL changes after deriving), drafts and a scheduled article (never published,
 * so their pages must not be left behind), and a file that is skipped.
 * Worker threads run compiled code, so this drives the compiled library (dist/).
 */
const CONFIG = { title: "Prerender fixture", siteUrl: "https://prerender.example/site/", timeZone: "UTC", feedLimit: 10, settleSeconds: 0 };
const NOW = Date.parse("2026-06-01T00:00:00Z");
const TRICKY = {
  "articles/2024-05-01-c.md": "---\ntitle: On C\ndate: 2024-05-01T08:00:00Z\ntags: [C, Systems]\n---\nPointers, [notes](notes/).\n",
  "articles/2024-05-02-cpp.md": "---\ntitle: On C++\ndate: 2024-05-02T08:00:00Z\ntags: [C++, Systems]\n---\nTemplates.\n",
  "articles/2024-05-03-clash-a.md": "---\ntitle: Clash A\ndate: 2024-05-03T08:00:00Z\nslug: same\n---\nFirst, see [here](#top).\n",
  "articles/2024-05-03-clash-b.md": "---\ntitle: Clash B\ndate: 2024-05-03T09:00:00Z\nslug: same\n---\nSecond, see [there](../x/) and ![map](map.png).\n",
  "articles/2024-05-04-draft.md": "---\ntitle: A draft\ndate: 2024-05-04T08:00:00Z\ndraft: true\n---\nNot yet.\n",
  "articles/2030-01-01-later.md": "---\ntitle: Later\ndate: 2030-01-01T08:00:00Z\n---\nScheduled.\n",
  "articles/2024-05-05-broken.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
};

let library: typeof Library;
let corpus: Map<string, Buffer>;

beforeAll(async () => {
  library = await loadBuiltLibrary();
  corpus = await readGeneratedCorpus({ count: 120, seed: 7, rawTextShare: 0.2 });
});

const site = () => makeGeneratedSite(corpus, { ...TRICKY, "feedwright.config.json": JSON.stringify(CONFIG) });

/** The output files, temp files included (a leftover shows), feedwright's own bookkeeping aside. */
const outputs = async (dir: string, out: string) => {
  const files = await bytesUnder(path.join(dir, out), { dotFiles: true });
  for (const name of [...files.keys()]) if (name.startsWith(".feedwright")) files.delete(name);
  return files;
};

describe("pages rendered while deriving", () => {
  it.each([1, 2])("give the bytes of pages rendered at the end, on %i thread(s), leaving no temp file", async (workers) => {
    const dir = await site();
    const ahead = await library.build({ cwd: dir, now: NOW, outDir: "out-ahead", workers, cache: false });
    await library.build({ cwd: dir, now: NOW, outDir: "out-end", workers: 1, cache: false, prerender: false });
    expect(ahead.workers).toBe(workers);
    expect(ahead.skipped.map((item) => item.file)).toContain("2024-05-05-broken.md");
    expect(ahead.drafts).toContain("2024-05-04-draft.md");
    expect(ahead.scheduled.map((item) => item.file)).toContain("2030-01-01-later.md");
    const got = await outputs(dir, "out-ahead");
    expect([...got.keys()].filter((name) => name.endsWith(".tmp"))).toEqual([]);
    // Both clashes happened: two tag folders for "c" and "c++", and the second "same" page moved.
    expect([...got.keys()].filter((name) => /^tags\/c(-[0-9a-f]{8})?\/index\.html$/.test(name))).toHaveLength(2);
    expect([...got.keys()].filter((name) => /^2024\/05\/03\/same(-[^/]+)?\/index\.html$/.test(name))).toHaveLength(2);
    expect(got.size).toBeGreaterThan(120);
    expect(got).toEqual(await outputs(dir, "out-end"));
  });

  it("publish nothing and leave nothing behind when --strict refuses the run", async () => {
    const dir = await site();
    const refused = await library.build({ cwd: dir, now: NOW, workers: 2, cache: false, strict: true });
    expect(refused.refused).toBe(true);
    expect(await bytesUnder(path.join(dir, "out"), { dotFiles: true })).toEqual(new Map());
  });

  it("rewrite nothing over an output folder that already holds the same pages", async () => {
    const dir = await site();
    await library.build({ cwd: dir, now: NOW, workers: 2, cache: false });
    const first = await outputs(dir, "out");
    const again = await library.build({ cwd: dir, now: NOW, workers: 2, cache: false });
    expect(again.files.written).toEqual([]);
    expect(await outputs(dir, "out")).toEqual(first);
  });

  it("follow an edit and a deletion like a cold build", async () => {
    const dir = await site();
    await library.build({ cwd: dir, now: NOW, workers: 2 });
    const edited = path.join(dir, "articles", "2024-05-02-cpp.md");
    await writeFile(edited, "---\ntitle: On C++, revised\ndate: 2024-05-02T08:00:00Z\ntags: [C++, Rust]\n---\nTemplates and traits.\n");
    await utimes(edited, SETTLED_MTIME, new Date(SETTLED_MTIME.getTime() + 5000));
    await rm(path.join(dir, "articles", "2024-05-03-clash-a.md"));
    await library.build({ cwd: dir, now: NOW, workers: 2 });
    await library.build({ cwd: dir, now: NOW, outDir: "cold", workers: 1, cache: false, prerender: false });
    expect(await outputs(dir, "out")).toEqual(await outputs(dir, "cold"));
  });

  it("sweep a killed run's temp file from a page folder that existed, and only a dead run's", async () => {
    const dir = await site();
    const plain = path.join(dir, "articles", "2024-05-06-plain.md");
    const write = async (body: string, mtime: Date) => {
      await writeFile(plain, `---\ntitle: Plain\ndate: 2024-05-06T08:00:00Z\ntags: [Plain]\n---\n${body}\n`);
      await utimes(plain, mtime, mtime);
    };
    await write("First.", SETTLED_MTIME);
    await library.build({ cwd: dir, now: NOW, workers: 1 });
    const folder = path.join(dir, "out", "2024", "05", "06", "plain");
    // Names as atomic-write.ts makes them: .<file>.<pid>.<random><counter>.tmp; pid 999999 is not running.
    const dead = ".index.html.999999.0123456789ab.tmp";
    const alive = `.index.html.${process.pid}.0123456789ab.tmp`;
    for (const name of [dead, alive]) await writeFile(path.join(folder, name), "partial");
    // The edited page is rendered ahead, into the folder that was already there.
    await write("Second.", new Date(SETTLED_MTIME.getTime() + 5000));
    const run = await library.build({ cwd: dir, now: NOW, workers: 1 });
    expect(run.files.written).toContain("2024/05/06/plain/index.html");
    const left = [...(await outputs(dir, "out")).keys()].filter((name) => name.endsWith(".tmp"));
    expect(left).toEqual([`2024/05/06/plain/${alive}`]);
  });
});
