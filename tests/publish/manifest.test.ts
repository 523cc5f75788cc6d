import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MANIFEST_FILE, readManifest, staleFiles, writeManifest } from "../../src/publish/manifest.js";
import { removeStaleFiles } from "../../src/publish/remove-stale.js";
import { listFiles, makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

async function put(root: string, relPath: string, content = relPath): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, relPath)), { recursive: true });
  await fs.writeFile(path.join(root, relPath), content);
}

describe("manifest", () => {
  it("round-trips a sorted, de-duplicated list and keeps its bytes when unchanged", async () => {
    const out = await makeTempDir(created);
    expect(await readManifest(out)).toEqual([]);
    expect(await writeManifest(out, ["b.html", "a/index.html", "b.html"])).toBe("written");
    expect(await readManifest(out)).toEqual(["a/index.html", "b.html"]);
    expect(await writeManifest(out, ["a/index.html", "b.html"])).toBe("unchanged");
    const stored = JSON.parse(await fs.readFile(path.join(out, MANIFEST_FILE), "utf8"));
    expect(stored).toEqual({ version: 1, files: ["a/index.html", "b.html"] });
  });

  it("reads a corrupt, foreign-version or wrong-shape manifest as empty", async () => {
    const out = await makeTempDir(created);
    for (const text of ['{"version":1,"files":["a"', '{"version":2,"files":["a"]}', '{"version":1,"files":"a"}', "null", "[]"]) {
      await fs.writeFile(path.join(out, MANIFEST_FILE), text);
      expect(await readManifest(out)).toEqual([]);
    }
  });

  it("drops hostile entries when reading", async () => {
    const out = await makeTempDir(created);
    const files = ["../x", "/etc/passwd", "a/../../b", "ok.html", 7, null, "a\\..\\..\\b", MANIFEST_FILE];
    await fs.writeFile(path.join(out, MANIFEST_FILE), JSON.stringify({ version: 1, files }));
    expect(await readManifest(out)).toEqual(["ok.html"]);
  });

  it("staleFiles lists what was published before and is not now", () => {
    expect(staleFiles(["c", "a", "b"], ["b", "d"])).toEqual(["a", "c"]);
    expect(staleFiles([], ["a"])).toEqual([]);
  });
});

describe("removeStaleFiles", () => {
  it("removes a dropped article's page and its emptied folders, and nothing else", async () => {
    const out = await makeTempDir(created);
    await put(out, "2021/10/19/helsinki/index.html");
    await put(out, "2021/10/20/oslo/index.html");
    await put(out, "keep-me.txt");
    await put(out, "CNAME");
    await fs.mkdir(path.join(out, "empty-before"));
    const removed = await removeStaleFiles(out, ["2021/10/19/helsinki/index.html"]);
    expect(removed).toEqual(["2021/10/19/helsinki/index.html"]);
    expect(await listFiles(out)).toEqual(["2021/10/20/oslo/index.html", "CNAME", "keep-me.txt"]);
    await expect(fs.stat(path.join(out, "2021/10/19"))).rejects.toThrow();
    // A folder that was already empty is not ours to judge; the out dir itself always stays.
    expect((await fs.stat(path.join(out, "empty-before"))).isDirectory()).toBe(true);
    await removeStaleFiles(out, ["2021/10/20/oslo/index.html"]);
    expect(await fs.readdir(out)).toEqual(expect.arrayContaining(["CNAME", "keep-me.txt", "empty-before"]));
    expect(await fs.readdir(out)).not.toContain("2021");
  });

  it("keeps a folder that still holds someone else's file", async () => {
    const out = await makeTempDir(created);
    await put(out, "tags/x/index.html");
    await put(out, "tags/x/notes.txt");
    expect(await removeStaleFiles(out, ["tags/x/index.html"])).toEqual(["tags/x/index.html"]);
    expect(await listFiles(out)).toEqual(["tags/x/notes.txt"]);
  });

  it("refuses paths outside the out dir, through symlinks, or onto folders and symlinks", async () => {
    const base = await makeTempDir(created);
    const out = path.join(base, "out");
    const outside = path.join(base, "outside");
    await put(outside, "secret.txt");
    await put(outside, "x");
    await put(out, "real/index.html");
    await fs.symlink(outside, path.join(out, "linked"));
    await fs.symlink(path.join(outside, "secret.txt"), path.join(out, "link.txt"));
    await fs.mkdir(path.join(out, "folder"));
    const removed = await removeStaleFiles(out, [
      "../outside/x",
      path.join(outside, "secret.txt"),
      "linked/secret.txt",
      "link.txt",
      "folder",
      "missing.html",
    ]);
    expect(removed).toEqual([]);
    expect(await listFiles(outside)).toEqual(["secret.txt", "x"]);
    expect((await fs.lstat(path.join(out, "link.txt"))).isSymbolicLink()).toBe(true);
    expect((await fs.stat(path.join(out, "folder"))).isDirectory()).toBe(true);
  });
});
