import fs from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { MANIFEST_FILE, readManifest } from "../../src/publish/manifest.js";
import { publishBatches } from "../../src/publish/publish-order.js";
import { publishFiles } from "../../src/publish/publish-files.js";
import { UnsafePathError } from "../../src/publish/safe-path.js";
import { listFiles, makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

const site = (entries: Record<string, string>) => new Map<string, string | Uint8Array>(Object.entries(entries));

describe("publishFiles", () => {
  it("writes everything, then on a repeat run touches nothing", async () => {
    const out = await makeTempDir(created);
    const files = site({
      "index.html": "<h1>home</h1>",
      "feed.xml": "<rss/>",
      "feed.json": "{}",
      "2021/10/19/helsinki/index.html": "<p>H</p>",
    });
    const first = await publishFiles(out, files);
    expect(first).toEqual({
      written: ["2021/10/19/helsinki/index.html", "feed.json", "feed.xml", "index.html"],
      unchanged: [],
      removed: [],
    });
    expect(await readManifest(out)).toEqual([...files.keys()].sort());

    const past = new Date("2020-01-01T00:00:00Z");
    for (const file of await listFiles(out)) await fs.utimes(path.join(out, file), past, past);
    const second = await publishFiles(out, files);
    expect(second).toEqual({ written: [], unchanged: [...files.keys()].sort(), removed: [] });
    for (const file of await listFiles(out)) {
      expect((await fs.stat(path.join(out, file))).mtimeMs, file).toBe(past.getTime());
    }
  });

  it("removes a dropped article and its empty folders, never files it did not write", async () => {
    const out = await makeTempDir(created);
    await fs.writeFile(path.join(out, "keep-me.txt"), "mine");
    await fs.writeFile(path.join(out, "CNAME"), "example.org");
    await publishFiles(out, site({ "index.html": "1", "2021/a/index.html": "A", "2022/b/index.html": "B" }));
    const result = await publishFiles(out, site({ "index.html": "2", "2022/b/index.html": "B" }));
    expect(result).toEqual({ written: ["index.html"], unchanged: ["2022/b/index.html"], removed: ["2021/a/index.html"] });
    expect(await listFiles(out)).toEqual([MANIFEST_FILE, "2022/b/index.html", "CNAME", "index.html", "keep-me.txt"]);
    expect(await fs.readFile(path.join(out, "keep-me.txt"), "utf8")).toBe("mine");
    await expect(fs.stat(path.join(out, "2021"))).rejects.toThrow();
  });

  it("ignores hostile manifest entries", async () => {
    const base = await makeTempDir(created);
    const out = path.join(base, "out");
    await fs.mkdir(out);
    await fs.writeFile(path.join(base, "x"), "outside");
    const victim = path.join(base, "victim.txt");
    await fs.writeFile(victim, "outside");
    await fs.writeFile(
      path.join(out, MANIFEST_FILE),
      JSON.stringify({ version: 1, files: ["../x", victim, "/etc/passwd", "old.html"] }),
    );
    await fs.writeFile(path.join(out, "old.html"), "old");
    const result = await publishFiles(out, site({ "index.html": "home" }));
    expect(result.removed).toEqual(["old.html"]);
    expect(await fs.readFile(path.join(base, "x"), "utf8")).toBe("outside");
    expect(await fs.readFile(victim, "utf8")).toBe("outside");
    expect(await readManifest(out)).toEqual(["index.html"]);
  });

  it.each([
    ["../escape.html", "contains a .. segment"],
    ["/abs.html", "is absolute"],
    ["a\0b", "NUL"],
    [MANIFEST_FILE, "reserved"],
    [".feedwright.lock", "reserved"],
    [".feed.xml.123.0123456789ab.tmp", "temporary"],
  ])("refuses %j before writing anything", async (bad, reason) => {
    const out = await makeTempDir(created);
    const files = site({ "a.html": "a", [bad]: "x" });
    const attempt = publishFiles(out, files);
    await expect(attempt).rejects.toThrow(UnsafePathError);
    await expect(publishFiles(out, files)).rejects.toThrow(reason);
    expect(await listFiles(out)).toEqual([]);
  });

  it("refuses a path that is both a file and a folder", async () => {
    const out = await makeTempDir(created);
    await expect(publishFiles(out, site({ tags: "x", "tags/a.html": "y" }))).rejects.toThrow("also a file to write");
    expect(await listFiles(out)).toEqual([]);
  });

  it("replaces a stale file that stands where a folder must go, and the reverse", async () => {
    const out = await makeTempDir(created);
    await publishFiles(out, site({ about: "plain", "x/index.html": "page" }));
    const result = await publishFiles(out, site({ "about/index.html": "page", x: "plain" }));
    expect(result.removed).toEqual(["about", "x/index.html"]);
    expect(await listFiles(out)).toEqual([MANIFEST_FILE, "about/index.html", "x"]);
  });

  it("changes nothing in the out dir when a file cannot be written", async () => {
    const out = await makeTempDir(created);
    await publishFiles(out, site({ "index.html": "old home", "feed.xml": "old feed", "gone.html": "old" }));
    // A file of the user's stands where a folder is needed, so staging "blocked/page.html" fails.
    await fs.writeFile(path.join(out, "blocked"), "not a folder");
    const before = new Map<string, string>();
    for (const file of await listFiles(out)) before.set(file, await fs.readFile(path.join(out, file), "utf8"));
    const files = site({
      "index.html": "new home",
      "feed.xml": "new feed",
      "new/deep/page.html": "new page",
      "blocked/page.html": "x",
    });
    await expect(publishFiles(out, files)).rejects.toThrow();
    const after = new Map<string, string>();
    for (const file of await listFiles(out)) after.set(file, await fs.readFile(path.join(out, file), "utf8"));
    expect(after).toEqual(before);
    expect(await fs.readdir(out)).not.toContain("new"); // folders made for staging are gone too
  });

  it("dry run reports without writing or removing", async () => {
    const out = await makeTempDir(created);
    await publishFiles(out, site({ "a.html": "a", "b.html": "b" }));
    const before = await listFiles(out);
    const manifestBefore = await fs.readFile(path.join(out, MANIFEST_FILE), "utf8");
    const result = await publishFiles(out, site({ "a.html": "A", "c.html": "c" }), { dryRun: true });
    expect(result).toEqual({ written: ["a.html", "c.html"], unchanged: [], removed: ["b.html"] });
    expect(await listFiles(out)).toEqual(before);
    expect(await fs.readFile(path.join(out, "a.html"), "utf8")).toBe("a");
    expect(await fs.readFile(path.join(out, MANIFEST_FILE), "utf8")).toBe(manifestBefore);
  });

  it("cleans temp files left by a dead writer, but not a live one's", async () => {
    const out = await makeTempDir(created);
    await fs.mkdir(path.join(out, "p"));
    const dead = ".index.html.999999.0123456789ab.tmp";
    const alive = ".index.html.424242.0123456789ab.tmp";
    const foreign = ".someone-elses.tmp";
    for (const name of [dead, alive, foreign]) await fs.writeFile(path.join(out, "p", name), "partial");
    await publishFiles(out, site({ "p/index.html": "page" }), { isProcessAlive: (pid) => pid === 424242 });
    expect(await listFiles(out)).toEqual([MANIFEST_FILE, "p/" + alive, "p/" + foreign, "p/index.html"].sort());
  });

  it("writes pages first, feeds next and the home page last", async () => {
    const out = await makeTempDir(created);
    const files = site({
      "index.html": "home",
      "feed.xml": "rss",
      "atom.xml": "atom",
      "feed.json": "json",
      "tags/x/feed.xml": "tag rss",
      "2021/a/index.html": "page",
      "style.css": "css",
    });
    expect(publishBatches(files.keys())).toEqual([
      ["2021/a/index.html", "style.css"],
      ["atom.xml", "feed.json", "feed.xml", "tags/x/feed.xml"],
      ["index.html"],
    ]);
    const steps: string[] = [];
    await publishFiles(out, files, { onProgress: (step, relPath) => steps.push(`${step} ${relPath}`) });
    const committed = steps.filter((s) => s.startsWith("committed ")).map((s) => s.slice("committed ".length));
    expect(committed).toEqual(publishBatches(files.keys()).flat());
    // Every file is staged before the first one goes live.
    expect(steps.findIndex((s) => s.startsWith("committed "))).toBe(files.size);
  });

  it("writes any accepted path inside the out dir and refuses the rest before writing (property)", async () => {
    const base = await makeTempDir(created);
    const segment = fc.oneof(
      fc.constantFrom("..", ".", "", "a", "index.html", "feed.xml", "\\", "C:", "\0", "ü", "日本"),
      fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes("/")),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(segment, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), async (paths) => {
        const out = path.join(base, `run-${run++}`, "out");
        await fs.mkdir(out, { recursive: true });
        const files = new Map(paths.map((segments, i) => [segments.join("/"), `file ${i}`] as [string, string]));
        try {
          await publishFiles(out, files);
        } catch (error) {
          // Refused (unsafe, or a file/folder clash): nothing may have been written anywhere.
          expect(await listFiles(path.dirname(out))).toEqual([]);
          return;
        }
        expect(await listFiles(path.dirname(out))).toEqual(
          [...files.keys(), MANIFEST_FILE].map((p) => `out/${p}`).sort(),
        );
      }),
      { numRuns: 60 },
    );
  });
});
