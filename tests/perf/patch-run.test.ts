import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { CONFIG, expectSameAsCold, loadCorpus, NOW, outputOf, put, site } from "../helpers/incremental-site.js";

/**
 * A run after a few article bodies were edited patches only the files showing them
 * (pipeline/patch-run.ts); whenever it cannot prove that equals a full run, it does a full
 * run. Either way the output must be a cold build's, byte for byte.
 */

let corpus: Map<string, Buffer>;

beforeAll(async () => {
  corpus = await loadCorpus();
});

const NOTE = "\n\nEditor's note: a figure in the third paragraph was corrected.\n";

/** A site built once, and its newest Markdown article with YAML front matter (in every feed it has a tag for). */
async function builtSite(config: Record<string, unknown> = CONFIG): Promise<{ dir: string; file: string; first: Awaited<ReturnType<typeof build>> }> {
  const dir = await site(config);
  const first = await build({ cwd: dir, now: NOW });
  const file = first.published.find((name) => name.endsWith(".md") && corpus.get(name)!.toString().startsWith("---\n"));
  if (!file) throw new Error("no YAML article was published");
  return { dir, file, first };
}

describe("an edit to article bodies", () => {
  it("rewrites only the article's page and the feeds carrying it, as a full run would", async () => {
    const { dir, file, first } = await builtSite();
    const before = await outputOf(path.join(dir, "out"));
    await put(dir, file, corpus.get(file)!.toString() + NOTE);
    const summary = await expectSameAsCold(dir);
    expect(summary.patched).toBe(true);
    expect(summary.cache.misses).toBe(1);
    const after = await outputOf(path.join(dir, "out"));
    const changed = [...after].filter(([name, state]) => before.get(name)?.bytes !== state.bytes).map(([name]) => name);
    expect([...summary.files.written].sort()).toEqual(changed.sort());
    // The page and the site's three feeds at least; no listing page (they show no body).
    expect(changed).toEqual(expect.arrayContaining(["rss.xml", "atom.xml", "feed.json", expect.stringMatching(/\/index\.html$/)]));
    expect(changed.filter((name) => name.endsWith("index.html"))).toHaveLength(1);
    for (const [name, state] of after) {
      if (!changed.includes(name)) expect({ name, mtimeMs: state.mtimeMs, ino: state.ino }).toEqual({ name, mtimeMs: before.get(name)!.mtimeMs, ino: before.get(name)!.ino });
    }
    // What the run reports is what a full run found.
    const { files: _f, cache: _c, timings: _t, patched: _p, workers: _w, upToDate: _u, ...findings } = summary;
    const { files: _f1, cache: _c1, timings: _t1, patched: _p1, workers: _w1, upToDate: _u1, ...firstFindings } = first;
    expect(findings).toEqual(firstFindings);
    // The state it left makes the next run a no-change run.
    expect((await build({ cwd: dir, now: NOW })).upToDate).toBe(true);
  });

  it("patches again right after, while the edited file is too fresh for its stat to be trusted, and then writes nothing", async () => {
    const { dir, file } = await builtSite();
    await put(dir, file, corpus.get(file)!.toString() + NOTE, new Date());
    expect((await expectSameAsCold(dir)).patched).toBe(true);
    await put(dir, file, corpus.get(file)!.toString() + NOTE + NOTE, new Date());
    const second = await expectSameAsCold(dir);
    expect(second.patched).toBe(true);
    expect(second.files.written.length).toBeGreaterThan(0);
    // The file is read again (it was racy) and found as it was.
    const third = await expectSameAsCold(dir);
    expect(third.patched).toBe(true);
    expect(third.files.written).toEqual([]);
  });

  it("patches several edited articles at once, and an older one only shown by its page and tag feeds", async () => {
    const { dir, first } = await builtSite();
    const markdown = first.published.filter((name) => name.endsWith(".md") && corpus.get(name)!.toString().startsWith("---\n"));
    const edited = [markdown[1]!, markdown[markdown.length - 1]!];
    for (const file of edited) await put(dir, file, corpus.get(file)!.toString() + NOTE);
    const summary = await expectSameAsCold(dir);
    expect(summary.patched).toBe(true);
    expect(summary.cache.misses).toBe(2);
  });

  it("reports the patch in the command's --json report", async () => {
    const { dir, file } = await builtSite();
    const args = ["build", "--json", "--now", new Date(NOW).toISOString()];
    // The command's code version is not the tests' (the bundle against the sources): its first run is a full one.
    expect((await runCli(args, dir)).code).toBe(0);
    await put(dir, file, corpus.get(file)!.toString() + NOTE);
    const result = await runCli(args, dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { patched: boolean; written: string[] };
    expect(report.patched).toBe(true);
    expect(report.written).toContain("rss.xml");
  });
});

describe("a full run is done instead", () => {
  it("when the edit changes a field that listings show (the title)", async () => {
    const { dir, file } = await builtSite();
    const original = corpus.get(file)!.toString();
    const retitled = original.replace(/^title: .*$/m, 'title: "A corrected headline"');
    expect(retitled).not.toBe(original);
    await put(dir, file, retitled);
    expect((await expectSameAsCold(dir)).patched).toBe(false);
  });

  it("when an output file was changed by hand: the full run puts it back", async () => {
    const { dir, file } = await builtSite();
    await writeFile(path.join(dir, "out", "tags", "index.html"), "hand-edited");
    await put(dir, file, corpus.get(file)!.toString() + NOTE);
    const summary = await expectSameAsCold(dir);
    expect(summary.patched).toBe(false);
    expect(await readFile(path.join(dir, "out", "tags", "index.html"), "utf8")).not.toBe("hand-edited");
  });

  it("when an article is deleted, or a draft edited", async () => {
    const { dir, first } = await builtSite();
    await rm(path.join(dir, "articles", first.published[5]!));
    expect((await expectSameAsCold(dir)).patched).toBe(false);
    await put(dir, "2025/2025-06-01-draft.md", "---\ntitle: A draft\ndate: 2025-06-01\ndraft: true\n---\nUnfinished.\n");
    await build({ cwd: dir, now: NOW });
    await put(dir, "2025/2025-06-01-draft.md", "---\ntitle: A draft\ndate: 2025-06-01\ndraft: true\n---\nStill unfinished.\n");
    expect((await expectSameAsCold(dir)).patched).toBe(false);
  });

  it("when the edited article was moved by disambiguation, or links to a tag whose slug another tag shares", async () => {
    const dir = await site();
    // The second article's permalink is taken, so it publishes at /2025/12/30/same-slug-2/; "C" and "C++" both slug to "c".
    await put(dir, "2025/2025-12-30-same-slug.md", "---\ntitle: First\ndate: 2025-12-30T08:00:00Z\ntags: [C]\n---\nOne.\n");
    await put(dir, "2025/2025-12-30-same-slug-again.md", "---\ntitle: Second\nslug: same-slug\ndate: 2025-12-30T09:00:00Z\n---\nTwo.\n");
    await put(dir, "2025/2025-12-31-cpp.md", "---\ntitle: On C++\ndate: 2025-12-31T08:00:00Z\ntags: [C++]\n---\nTemplates.\n");
    const first = await build({ cwd: dir, now: NOW });
    expect(first.warnings.map((warning) => warning.file)).toContain("2025/2025-12-30-same-slug-again.md");
    await put(dir, "2025/2025-12-30-same-slug-again.md", "---\ntitle: Second\nslug: same-slug\ndate: 2025-12-30T09:00:00Z\n---\nTwo.\n\nAnd more.\n");
    expect((await expectSameAsCold(dir)).patched).toBe(false);
    await put(dir, "2025/2025-12-31-cpp.md", "---\ntitle: On C++\ndate: 2025-12-31T08:00:00Z\ntags: [C++]\n---\nTemplates.\n\nAnd traits.\n");
    expect((await expectSameAsCold(dir)).patched).toBe(false);
    // The article that kept its address is patched as any other.
    await put(dir, "2025/2025-12-30-same-slug.md", "---\ntitle: First\ndate: 2025-12-30T08:00:00Z\ntags: [C]\n---\nOne.\n\nAnd more.\n");
    await expectSameAsCold(dir);
  });

  it("when the article cache or the build records are missing", async () => {
    const { dir, file } = await builtSite();
    await rm(path.join(dir, ".feedwright-cache", "build-outputs.json"));
    await put(dir, file, corpus.get(file)!.toString() + NOTE);
    expect((await expectSameAsCold(dir)).patched).toBe(false);
    await rm(path.join(dir, ".feedwright-cache", "articles.json"));
    await put(dir, file, corpus.get(file)!.toString() + NOTE + NOTE);
    expect((await expectSameAsCold(dir)).patched).toBe(false);
  });
});

describe("an article added", () => {
  /** A tag the built site has already (its folder name is its slug, and the slug of a plain word is the word). */
  async function existingTags(dir: string): Promise<string[]> {
    const slugs = (await readdir(path.join(dir, "out", "tags"), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    return slugs.filter((slug) => /^[a-z]+$/.test(slug)).slice(0, 2);
  }
  const article = (title: string, date: string, tags: string[]) => `---\ntitle: ${title}\ndate: ${date}\ntags: [${tags.join(", ")}]\n---\nA first paragraph about ${title}.\n\nA second one.\n`;

  it("newer than every other, with tags the site has: only the files listing it change, as a full run would write them", async () => {
    const { dir } = await builtSite();
    const [a, b] = await existingTags(dir);
    // A new year, then the same year again, then an edit to an article listed after both: indexes move up each time.
    await put(dir, "2026/2026-01-05-first-of-the-year.md", article("First of the year", "2026-01-05T08:00:00Z", [a!.toUpperCase(), b!]));
    const added = await expectSameAsCold(dir);
    expect(added.patched).toBe(true);
    expect(added.published[0]).toBe("2026/2026-01-05-first-of-the-year.md");
    expect(added.files.written).toEqual(expect.arrayContaining(["index.html", "rss.xml", "archive/2026/index.html", "archive/index.html", "tags/index.html", `tags/${a}/rss.xml`, `tags/${a}/index.html`, "2026/01/05/first-of-the-year/index.html"]));
    await put(dir, "2026/2026-01-06-second.md", article("Second", "2026-01-06T08:00:00Z", [a!]));
    expect((await expectSameAsCold(dir)).patched).toBe(true);
    const older = added.published.find((name, index) => index > 3 && name.endsWith(".md") && corpus.get(name)?.toString().startsWith("---\n"))!;
    await put(dir, older, corpus.get(older)!.toString() + NOTE);
    expect((await expectSameAsCold(dir)).patched).toBe(true);
    expect((await build({ cwd: dir, now: NOW })).upToDate).toBe(true);
  });

  it("is a full run when the article is not the newest, has a tag the site lacks, or takes another article's address", async () => {
    const { dir } = await builtSite();
    const [a] = await existingTags(dir);
    await put(dir, "2016/2016-01-01-old-news.md", article("Old news", "2016-01-01T08:00:00Z", [a!]));
    expect((await expectSameAsCold(dir)).patched).toBe(false);
    await put(dir, "2026/2026-01-05-new-tag.md", article("New tag", "2026-01-05T08:00:00Z", ["never-seen-before"]));
    expect((await expectSameAsCold(dir)).patched).toBe(false);
    // The address of the article just published by the full run.
    await put(dir, "2026/2026-01-07-same-address.md", `---\ntitle: Same address\ndate: 2026-01-07T08:00:00Z\npermalink: /2026/01/05/new-tag/\ntags: [${a}]\n---\nBody.\n`);
    expect((await expectSameAsCold(dir)).patched).toBe(false);
  });
});
