import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isIgnoredFileName } from "../../src/watch/ignored-paths.js";
import { watchForChanges, type Watch } from "../../src/watch/watch-articles.js";

/** Polls until `condition` holds, failing after `limitMs`: no fixed sleeps, no timing assertions. */
async function waitFor(condition: () => boolean, limitMs = 2000, what = "condition"): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let dir: string;
let watcher: Watch | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "feedwright-watch-"));
  await mkdir(path.join(dir, "articles"));
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe("watchForChanges", () => {
  it("reports a new article file within two seconds", async () => {
    const calls: string[][] = [];
    watcher = await watchForChanges({ paths: [path.join(dir, "articles")], debounceMs: 50, onChange: (changed) => void calls.push(changed) });
    const article = path.join(dir, "articles", "2024-01-01-hello.md");
    await writeFile(article, "---\ntitle: Hello\n---\nHi.\n");
    await waitFor(() => calls.length > 0, 2000, "onChange");
    expect(calls[0]).toEqual([article]);
  });

  it("coalesces a burst of 20 writes into one or two calls that name every file", async () => {
    const calls: string[][] = [];
    watcher = await watchForChanges({ paths: [path.join(dir, "articles")], debounceMs: 300, onChange: (changed) => void calls.push(changed) });
    const files = Array.from({ length: 20 }, (_, i) => path.join(dir, "articles", `2024-01-${String(i + 1).padStart(2, "0")}.md`));
    for (const file of files) await writeFile(file, `# ${file}\n`);
    await waitFor(() => new Set(calls.flat()).size >= 20, 3000, "all 20 files reported");
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(new Set(calls.flat())).toEqual(new Set(files));
  });

  it("watches a config file next to the articles folder", async () => {
    const config = path.join(dir, "feedwright.config.json");
    await writeFile(config, "{}");
    const calls: string[][] = [];
    watcher = await watchForChanges({ paths: [path.join(dir, "articles"), config], debounceMs: 50, onChange: (changed) => void calls.push(changed) });
    await writeFile(config, '{"title":"x"}');
    await waitFor(() => calls.length > 0, 2000, "onChange");
    expect(calls[0]).toEqual([config]);
  });

  it("ignores swap, temp and hidden files, and the caller's own ignore rule", async () => {
    const calls: string[][] = [];
    watcher = await watchForChanges({
      paths: [path.join(dir, "articles")],
      debounceMs: 50,
      ignored: (p) => p.endsWith(".draft-notes"),
      onChange: (changed) => void calls.push(changed),
    });
    const noise = [".hello.md.swp", "hello.md~", "#hello.md#", "4913", "hello.md.tmp", "rss.xml.tmp-123", ".DS_Store", "x.draft-notes"];
    for (const name of noise) await writeFile(path.join(dir, "articles", name), "noise");
    const real = path.join(dir, "articles", "hello.md");
    await writeFile(real, "# Hello\n");
    await waitFor(() => calls.flat().includes(real), 2000, "the real file");
    expect(calls.flat()).toEqual([real]);
  });

  it("never runs two onChange calls at once and delivers changes made during a run in one more call", async () => {
    let active = 0;
    let maxActive = 0;
    const calls: string[][] = [];
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    watcher = await watchForChanges({
      paths: [path.join(dir, "articles")],
      debounceMs: 30,
      onChange: async (changed) => {
        active++;
        maxActive = Math.max(maxActive, active);
        calls.push(changed);
        if (calls.length === 1) await firstHeld;
        active--;
      },
    });
    const first = path.join(dir, "articles", "a.md");
    await writeFile(first, "a");
    await waitFor(() => calls.length === 1, 2000, "first call");
    const during = ["b.md", "c.md", "d.md"].map((name) => path.join(dir, "articles", name));
    for (const file of during) await writeFile(file, "x");
    // Give the watcher time to see them while the first call is still held (not a timing assertion: it only makes overlap possible).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toHaveLength(1);
    releaseFirst();
    await waitFor(() => new Set(calls.slice(1).flat()).size >= 3, 2000, "the queued call");
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(during);
    expect(maxActive).toBe(1);
  });

  it("keeps watching after onChange throws, reporting the error", async () => {
    const errors: unknown[] = [];
    const calls: string[][] = [];
    watcher = await watchForChanges({
      paths: [path.join(dir, "articles")],
      debounceMs: 30,
      onError: (error) => errors.push(error),
      onChange: (changed) => {
        calls.push(changed);
        if (calls.length === 1) throw new Error("build failed");
      },
    });
    await writeFile(path.join(dir, "articles", "a.md"), "a");
    await waitFor(() => errors.length === 1, 2000, "the error");
    await writeFile(path.join(dir, "articles", "b.md"), "b");
    await waitFor(() => calls.length === 2, 2000, "the second call");
    expect(String(errors[0])).toContain("build failed");
  });

  it("close() waits for a running onChange", async () => {
    let finished = false;
    let started = false;
    watcher = await watchForChanges({
      paths: [path.join(dir, "articles")],
      debounceMs: 10,
      onChange: async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 100));
        finished = true;
      },
    });
    await writeFile(path.join(dir, "articles", "a.md"), "a");
    await waitFor(() => started, 2000, "onChange to start");
    await watcher.close();
    expect(finished).toBe(true);
  });
});

describe("isIgnoredFileName", () => {
  it.each([".hello.md.swp", "hello.md.swp", "hello.md~", "#hello.md#", "4913", "a.tmp", "rss.xml.tmp-99", ".git", "~$doc.docx", "x.crdownload"])(
    "ignores %s",
    (name) => expect(isIgnoredFileName(path.join("/articles", name))).toBe(true),
  );

  it.each(["2024-01-01-hello.md", "news.txt", "feedwright.config.json", "photo.jpg", "tmp-notes.md"])("keeps %s", (name) =>
    expect(isIgnoredFileName(path.join("/articles", name))).toBe(false),
  );

  it("keeps every ordinary article name", () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,40}$/).map((stem) => `${stem}.md`);
    fc.assert(fc.property(name, (n) => {
        expect(isIgnoredFileName(`/a/${n}`)).toBe(false);
      }));
  });
});
