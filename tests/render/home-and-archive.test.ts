import { readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { makeFixture, SETTLED_MTIME } from "../helpers/fixture.js";

const NOW = "2026-01-01T00:00:00Z";
const SITE_URL = "https://archive.example/blog/";

const article = (title: string, date: string, extra = "") => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\nBody of ${title}.\n`;

async function site(): Promise<string> {
  const dir = await makeFixture({
    "feedwright.config.json": JSON.stringify({ title: "Archive test", siteUrl: SITE_URL, timeZone: "UTC", homeLimit: 2, settleSeconds: 0 }),
    "articles/a.md": article("Oldest", "2023-03-01T10:00:00Z"),
    "articles/b.md": article("Middle one", "2024-05-01T10:00:00Z"),
    "articles/c.md": article("Middle two", "2024-09-01T10:00:00Z"),
    "articles/d.md": article("Newer", "2025-02-01T10:00:00Z"),
    // Written in its own offset: its year is the one its date says, 2024, not UTC's 2025.
    "articles/e.md": article("New Year's Eve", "2024-12-31T23:30:00-05:00"),
  });
  for (const name of ["a", "b", "c", "d", "e"]) await utimes(path.join(dir, "articles", `${name}.md`), SETTLED_MTIME, SETTLED_MTIME);
  return dir;
}

/** The hrefs of the links inside elements matching `inside` (a tag and class), in document order. */
async function linksIn(file: string, tag: string, className: string): Promise<Array<{ href: string; text: string }>> {
  const document = parseDocument(await readFile(file, "utf8"));
  const links: Array<{ href: string; text: string }> = [];
  const walk = (node: any, inside: boolean): void => {
    const here = inside || (node.name === tag && (node.attribs?.class ?? "").split(" ").includes(className));
    if (here && node.name === "a") links.push({ href: node.attribs.href, text: (node.children ?? []).map((child: any) => child.data ?? "").join("") });
    for (const child of node.children ?? []) walk(child, here);
  };
  walk(document, false);
  return links;
}

describe("the home page and the archive", () => {
  it("lists the newest homeLimit articles at home and every article in its year's page", async () => {
    const dir = await site();
    const summary = await build({ cwd: dir, now: NOW });
    expect(summary.skipped).toEqual([]);
    const out = (file: string) => path.join(dir, "out", file);

    const home = await linksIn(out("index.html"), "ul", "articles");
    expect(home.map((link) => link.text)).toEqual(["Newer", "New Year's Eve"]);
    expect(await linksIn(out("index.html"), "nav", "archive")).toEqual([
      { href: `${SITE_URL}archive/2025/`, text: "2025" },
      { href: `${SITE_URL}archive/2024/`, text: "2024" },
      { href: `${SITE_URL}archive/2023/`, text: "2023" },
    ]);
    expect((await linksIn(out("archive/2024/index.html"), "ul", "articles")).map((link) => link.text)).toEqual(["New Year's Eve", "Middle two", "Middle one"]);
    expect((await linksIn(out("archive/2023/index.html"), "ul", "articles")).map((link) => link.text)).toEqual(["Oldest"]);
    expect((await linksIn(out("archive/index.html"), "nav", "archive")).map((link) => link.text)).toEqual(["2025", "2024", "2023"]);
    // Every article is listed exactly once across the years.
    const years = await Promise.all(["2025", "2024", "2023"].map((year) => linksIn(out(`archive/${year}/index.html`), "ul", "articles")));
    expect(years.flat().map((link) => link.text).sort()).toEqual(["Middle one", "Middle two", "New Year's Eve", "Newer", "Oldest"]);
  });

  it("re-renders only the home page and the added article's year, with the archive's counts", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    await writeFile(path.join(dir, "articles", "f.md"), article("Newest", "2025-06-01T10:00:00Z"));
    await utimes(path.join(dir, "articles", "f.md"), SETTLED_MTIME, SETTLED_MTIME);
    const second = await build({ cwd: dir, now: NOW });
    const listings = second.files.written.filter((file) => file === "index.html" || file.startsWith("archive/"));
    expect(listings).toEqual(["archive/2025/index.html", "archive/index.html", "index.html"]);
    expect(second.files.unchanged).toEqual(expect.arrayContaining(["archive/2024/index.html", "archive/2023/index.html"]));
  });

  it("moves an article whose permalink is a listing page's address, and says so", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": JSON.stringify({ title: "Clash", siteUrl: SITE_URL, timeZone: "UTC", permalink: "/:slug/", settleSeconds: 0 }),
      "articles/archive.md": article("Archive", "2024-01-01T10:00:00Z", "slug: archive\n"),
    });
    await utimes(path.join(dir, "articles", "archive.md"), SETTLED_MTIME, SETTLED_MTIME);
    const summary = await build({ cwd: dir, now: NOW });
    expect(summary.warnings).toEqual([expect.objectContaining({ file: "archive.md", message: expect.stringContaining("listing pages") })]);
    expect(await readFile(path.join(dir, "out", "archive-2", "index.html"), "utf8")).toContain("Body of Archive.");
    expect(await readFile(path.join(dir, "out", "archive", "index.html"), "utf8")).toContain('class="archive"');
  });
});
