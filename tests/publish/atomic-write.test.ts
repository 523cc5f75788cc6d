import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TEMP_FILE_PATTERN, hasSameBytes, stageFileAtomic, tempPathFor, writeFileAtomic } from "../../src/publish/atomic-write.js";
import { listFiles, makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

describe("writeFileAtomic", () => {
  it("writes a new file, creating its folders", async () => {
    const dir = await makeTempDir(created);
    const target = path.join(dir, "a", "b", "page.html");
    expect(await writeFileAtomic(target, "<p>hello</p>")).toBe("written");
    expect(await fs.readFile(target, "utf8")).toBe("<p>hello</p>");
    expect(await listFiles(dir)).toEqual(["a/b/page.html"]);
  });

  it("leaves identical bytes untouched, mtime included", async () => {
    const dir = await makeTempDir(created);
    const target = path.join(dir, "feed.xml");
    await writeFileAtomic(target, "<rss/>");
    // Push the mtime into the past so any rewrite would visibly move it.
    const past = new Date("2020-01-01T00:00:00Z");
    await fs.utimes(target, past, past);
    const before = await fs.stat(target);
    expect(await writeFileAtomic(target, Buffer.from("<rss/>"))).toBe("unchanged");
    const after = await fs.stat(target);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
  });

  it("replaces changed content, same size or not, with a new file", async () => {
    const dir = await makeTempDir(created);
    const target = path.join(dir, "feed.xml");
    await writeFileAtomic(target, "aaaa");
    const before = await fs.stat(target);
    expect(await writeFileAtomic(target, "bbbb")).toBe("written");
    expect(await fs.readFile(target, "utf8")).toBe("bbbb");
    // A rename puts a new inode in place: readers holding the old file keep reading whole old bytes.
    expect((await fs.stat(target)).ino).not.toBe(before.ino);
    expect(await writeFileAtomic(target, "longer content")).toBe("written");
    expect(await fs.readFile(target, "utf8")).toBe("longer content");
    expect(await listFiles(dir)).toEqual(["feed.xml"]);
  });

  it("keeps an existing file's permission bits", async () => {
    const dir = await makeTempDir(created);
    const target = path.join(dir, "page.html");
    await writeFileAtomic(target, "one");
    await fs.chmod(target, 0o640);
    await writeFileAtomic(target, "two");
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
  });

  it("removes its temp file and leaves the target alone when the rename fails", async () => {
    const dir = await makeTempDir(created);
    // A non-empty folder where the file should go: rename onto it fails.
    const target = path.join(dir, "blocked");
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, "inside.txt"), "x");
    await expect(writeFileAtomic(target, "data")).rejects.toThrow();
    expect(await listFiles(dir)).toEqual(["blocked/inside.txt"]);
  });

  it("names temp files so a later run can recognise them", () => {
    const name = path.basename(tempPathFor("/srv/out/feed.xml"));
    const match = TEMP_FILE_PATTERN.exec(name);
    expect(match?.[1]).toBe("feed.xml");
    expect(Number(match?.[2])).toBe(process.pid);
    expect(path.dirname(tempPathFor("/srv/out/feed.xml"))).toBe("/srv/out");
  });
});

describe("stageFileAtomic", () => {
  it("says whether it replaces a file (those alone are fsynced before the rename)", async () => {
    const dir = await makeTempDir(created);
    const target = path.join(dir, "feed.xml");
    const fresh = await stageFileAtomic(target, "one");
    expect(fresh !== "unchanged" && fresh.replaces).toBe(false);
    if (fresh !== "unchanged") await fresh.commit();
    const replacing = await stageFileAtomic(target, "two");
    expect(replacing !== "unchanged" && replacing.replaces).toBe(true);
    if (replacing !== "unchanged") await replacing.commit();
    expect(await fs.readFile(target, "utf8")).toBe("two");
  });

  it("writes nothing visible until commit", async () => {
    const dir = await makeTempDir(created);
    const target = path.join(dir, "feed.xml");
    await fs.writeFile(target, "old");
    const staged = await stageFileAtomic(target, "new");
    if (staged === "unchanged") throw new Error("expected a staged file");
    expect(await fs.readFile(target, "utf8")).toBe("old");
    const names = await fs.readdir(dir);
    expect(names.filter((name) => TEMP_FILE_PATTERN.test(name))).toHaveLength(1);
    await staged.commit();
    expect(await fs.readFile(target, "utf8")).toBe("new");
    expect(await fs.readdir(dir)).toEqual(["feed.xml"]);
  });

  it("abort removes the temp file and the folders staging created, and nothing else", async () => {
    const dir = await makeTempDir(created);
    await fs.mkdir(path.join(dir, "a"));
    const staged = await stageFileAtomic(path.join(dir, "a", "b", "c", "page.html"), "x");
    if (staged === "unchanged") throw new Error("expected a staged file");
    await staged.abort();
    expect(await fs.readdir(dir)).toEqual(["a"]);
    expect(await fs.readdir(path.join(dir, "a"))).toEqual([]);
  });

  it("reports identical bytes as unchanged", async () => {
    const dir = await makeTempDir(created);
    await fs.writeFile(path.join(dir, "f"), "same");
    expect(await stageFileAtomic(path.join(dir, "f"), "same")).toBe("unchanged");
  });
});

describe("hasSameBytes", () => {
  it("is false for a missing file or a folder, true only for equal bytes", async () => {
    const dir = await makeTempDir(created);
    expect(await hasSameBytes(path.join(dir, "missing"), "")).toBe(false);
    expect(await hasSameBytes(dir, "")).toBe(false);
    await fs.writeFile(path.join(dir, "f"), "abc");
    expect(await hasSameBytes(path.join(dir, "f"), "abc")).toBe(true);
    expect(await hasSameBytes(path.join(dir, "f"), "abd")).toBe(false);
    expect(await hasSameBytes(path.join(dir, "f"), "ab")).toBe(false);
  });
});
