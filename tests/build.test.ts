import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { build, UsageError } from "../src/index.js";
import { copyFixture, makeFixture } from "./helpers/fixture.js";
import { childText, childrenNamed, parseXmlStrict } from "./helpers/xml.js";

const NOW = "2024-06-01T00:00:00Z";

function fixtureSite(): Promise<string> {
  return copyFixture("tests/fixtures/site");
}

async function buildFixture() {
  const dir = await fixtureSite();
  const summary = await build({ cwd: dir, now: NOW });
  const read = (file: string) => readFile(path.join(dir, "out", file), "utf8");
  return { dir, summary, read };
}

describe("build() on a fixture folder", () => {
  it("publishes the good articles newest first and reports the bad ones", async () => {
    const { summary } = await buildFixture();
    expect(summary.published).toEqual([
      "2024-03-25-more-marker.md",
      "nested/deeper/json-front-matter.md",
      "nested/2024-03-03-date-from-file-name.md",
      "2024-02-11-toml-post.md",
      "2024-01-05-yaml-with-zone.md",
    ]);
    expect(summary.feedItems).toBe(4);
    expect(summary.drafts).toEqual(["2024-03-28-draft.md"]);
    expect(summary.scheduled).toEqual([{ file: "2099-01-01-future.md", published: "2099-01-01T00:00:00+00:00" }]);
    const skipped = summary.skipped.map((d) => `${d.file}:${d.line}`);
    expect(skipped).toEqual(
      expect.arrayContaining([
        "broken-front-matter.md:1",
        "no-date.md:1",
        "2024-01-02-no-title.md:1",
        "2024-01-03-list-front-matter.md:2",
      ]),
    );
    expect(summary.skipped.find((d) => d.file === "broken-front-matter.md")?.message).toMatch(/never closed/);
    expect(summary.skipped.find((d) => d.file === "no-date.md")?.message).toMatch(/no publication date/);
    expect(summary.skipped.find((d) => d.file === "2024-01-02-no-title.md")?.message).toMatch(/no title/);
  });

  it("writes RSS that a feed parser and a strict XML parser both read", async () => {
    const { read } = await buildFixture();
    const xml = await read("rss.xml");
    const rss = parseXmlStrict(xml);
    expect(rss.name).toBe("rss");
    const channel = childrenNamed(rss, "channel")[0]!;
    expect(childText(channel, "lastBuildDate")).toBe("Mon, 25 Mar 2024 08:00:00 +0000");
    const self = childrenNamed(channel, "atom:link")[0]!;
    expect(self.uri).toBe("http://www.w3.org/2005/Atom");
    expect(self.attributes).toMatchObject({ rel: "self", href: "https://fixture.example/news/rss.xml" });

    const parsed = parseFeed(xml);
    expect(parsed.format).toBe("rss");
    if (parsed.format !== "rss") return;
    const items = parsed.feed.items ?? [];
    expect(items.map((item) => item.title)).toEqual([
      "Market hall reopens",
      "Bridge closed for inspection",
      "Ferry timetable changes for spring",
      "Council adopts the 2024 budget",
    ]);
    expect(items.map((item) => item.pubDate)).toEqual([
      "Mon, 25 Mar 2024 08:00:00 +0000",
      "Wed, 20 Mar 2024 00:00:00 +0000",
      "Sun, 03 Mar 2024 00:00:00 +0000",
      "Sun, 11 Feb 2024 14:00:00 +0000",
    ]);
    const bridge = items[1]!;
    expect(bridge.guid).toEqual({ value: "https://fixture.example/news/2024/03/20/json-front-matter/", isPermaLink: true });
    expect(bridge.dc?.creators).toEqual(["Alan Turing", "Katherine Johnson"]);
    expect(bridge.categories?.map((c) => c.name)).toEqual(["transport"]);
    expect(bridge.content?.encoded).toContain("<p>The old bridge is closed");
    expect(items[0]!.description).toBe("The market hall reopens on Saturday after a year of works. Stallholders get the first month rent-free.");
    expect(items[2]!.categories?.map((c) => c.name)).toEqual(["transport", "ferries"]);
    expect(items[2]!.dc?.creators).toEqual(["Fixture Desk"]);
  });

  it("writes Atom with escaped titles, zones kept and the site's self link", async () => {
    const { dir, read } = await buildFixture();
    const summaryAll = await build({ cwd: dir, now: NOW, feedLimit: 10 });
    expect(summaryAll.feedItems).toBe(5);
    const xml = await read("atom.xml");
    const feed = parseXmlStrict(xml);
    expect(feed.uri).toBe("http://www.w3.org/2005/Atom");
    expect(feed.attributes["xml:lang"]).toBe("en-GB");
    const parsed = parseFeed(xml);
    expect(parsed.format).toBe("atom");
    if (parsed.format !== "atom") return;
    const entries = parsed.feed.entries ?? [];
    expect(entries).toHaveLength(5);
    const harbour = entries[4]!;
    expect(harbour.title).toEqual({ type: "text", value: "Harbour wall repaired: <b> tags & ampersands stay text" });
    expect(harbour.published).toBe("2024-01-05T09:30:00+01:00");
    expect(harbour.authors).toEqual([{ name: "Ada Lovelace", email: "ada@fixture.example" }]);
    expect(harbour.summary).toEqual({ type: "text", value: "The harbour wall damaged in the November storm is whole again." });
    const toml = entries[3]!;
    expect(toml.authors).toEqual([{ name: "Grace Hopper", uri: "https://fixture.example/staff/grace" }]);
    expect(parsed.feed.links?.find((l) => l.rel === "self")?.href).toBe("https://fixture.example/news/atom.xml");
  });

  it("writes JSON Feed 1.1 with plain-text summaries and every item's fields", async () => {
    const { read } = await buildFixture();
    const feed = JSON.parse(await read("feed.json"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe("https://fixture.example/news/feed.json");
    expect(feed.language).toBe("en-GB");
    expect(feed.authors).toEqual([{ name: "Fixture Desk" }]);
    expect(feed.items).toHaveLength(4);
    const bridge = feed.items[1];
    expect(bridge.summary).toBe(
      "The old bridge is closed for a structural inspection on Wednesday. Dr. Smith of the U.S. Army Corps of Engineers leads the team. Traffic is diverted through the ring road for the day and buses will stop at temporary stops on Mill Street.",
    );
    expect(bridge.summary.length).toBeLessThanOrEqual(300);
    expect(bridge.date_published).toBe("2024-03-20T00:00:00+00:00");
    expect(bridge.tags).toEqual(["transport"]);
  });

  it("links every feed item to a page it wrote, and the home page to every feed", async () => {
    const { dir, read } = await buildFixture();
    const feed = JSON.parse(await read("feed.json"));
    for (const item of feed.items as Array<{ url: string; title: string }>) {
      const relative = new URL(item.url).pathname.replace(/^\/news\//, "");
      const page = await readFile(path.join(dir, "out", relative, "index.html"), "utf8");
      expect(page).toContain("<!DOCTYPE html>");
      expect(page).toContain(`<h1>${item.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</h1>`);
    }
    const home = await read("index.html");
    for (const [type, href] of [
      ["application/rss+xml", "https://fixture.example/news/rss.xml"],
      ["application/atom+xml", "https://fixture.example/news/atom.xml"],
      ["application/feed+json", "https://fixture.example/news/feed.json"],
    ]) {
      expect(home).toMatch(new RegExp(`<link rel="alternate" type="${type.replace("+", "\\+")}"[^>]*href="${href}"`));
    }
    await expect(stat(path.join(dir, "out", "2024", "03", "28"))).rejects.toThrow();
  });

  it("publishes drafts and future articles only when asked", async () => {
    const dir = await fixtureSite();
    const summary = await build({ cwd: dir, now: NOW, drafts: true, future: true });
    expect(summary.published).toContain("2024-03-28-draft.md");
    expect(summary.published[0]).toBe("2099-01-01-future.md");
    const later = await build({ cwd: dir, now: "2099-01-02T00:00:00Z" });
    expect(later.published[0]).toBe("2099-01-01-future.md");
    expect(later.scheduled).toEqual([]);
  });

  it("leaves unchanged files untouched on a second run", async () => {
    const { dir } = await buildFixture();
    const before = await stat(path.join(dir, "out", "rss.xml"));
    const second = await build({ cwd: dir, now: NOW });
    expect(second.files.written).toEqual([]);
    const after = await stat(path.join(dir, "out", "rss.xml"));
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it("rejects an invalid config with a message naming the key", async () => {
    const dir = await makeFixture({ "feedwright.config.json": JSON.stringify({ feedLimt: 3, timeZone: "Nowhere/Land" }), "articles/.keep": "" });
    const error = await build({ cwd: dir }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/feedwright\.config\.json: /);
    expect((error as Error).message).toMatch(/unknown key "feedLimt"/);
    expect((error as Error).message).toMatch(/"timeZone" must be an IANA time zone/);
  });
});
