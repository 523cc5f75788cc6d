import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { makeFixture } from "../helpers/fixture.js";
import { childText, childrenNamed, parseXmlStrict, type XmlNodeTree } from "../helpers/xml.js";
import { buildSite, NOW, SITE_FILES, SITE_URL } from "./site-fixture.js";
import { atomSchemaErrors, haveSchemas, jsonFeedRequiredProblems, jsonFeedSchemaErrors, parseWithRssParser } from "./validators.js";

const FIRST_TITLE = "Ampersands & <b>tags</b> ]]> and &amp; literal ]]>";

/** Every feed file in an output folder, relative paths. */
async function feedFiles(out: string): Promise<string[]> {
  const all = (await readdir(out, { recursive: true })) as string[];
  return all.map((file) => file.split(path.sep).join("/")).filter((file) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(file)).sort();
}

function items(rss: XmlNodeTree): XmlNodeTree[] {
  return childrenNamed(childrenNamed(rss, "channel")[0]!, "item");
}

/** makeFixture removes its folder after each test, so each test builds its own copy. */
const fresh = () => buildSite();

describe("every feed is well-formed and valid", () => {
  it("parses with a strict XML parser, feedsmith and rss-parser, and validates (Atom RELAX NG, JSON Feed schema)", async () => {
    const { out, read } = await fresh();
    const files = await feedFiles(out);
    expect(files).toContain("rss.xml");
    expect(files).toContain("tags/c/rss.xml");
    expect(files).toContain("authors/jane-roe/atom.xml");
    expect(files.length).toBe(3 * (1 + 4 + 2)); // site, four tags, two authors
    for (const file of files) {
      const text = await read(file);
      if (file.endsWith(".json")) {
        const feed = JSON.parse(text);
        expect(jsonFeedRequiredProblems(feed), file).toEqual([]);
        if (haveSchemas) expect(jsonFeedSchemaErrors(feed), file).toEqual([]);
        continue;
      }
      parseXmlStrict(text);
      const parsed = parseFeed(text);
      expect(parsed.format, file).toBe(file.endsWith("rss.xml") ? "rss" : "atom");
      const second = await parseWithRssParser(text);
      expect(second.items.length, file).toBeGreaterThan(0);
      if (file.endsWith("atom.xml") && haveSchemas) expect(await atomSchemaErrors(text), file).toEqual([]);
    }
  });
});

describe("RSS 2.0", () => {
  it("has the channel elements, every namespace once on the root, and its own self link", async () => {
    const { read } = await fresh();
    const xml = await read("rss.xml");
    const rss = parseXmlStrict(xml);
    expect(Object.keys(rss.attributes).filter((name) => name.startsWith("xmlns:")).sort()).toEqual(["xmlns:atom", "xmlns:content", "xmlns:dc", "xmlns:media"]);
    expect(xml.match(/xmlns:/g)).toHaveLength(4);
    const channel = childrenNamed(rss, "channel")[0]!;
    expect(childText(channel, "title")).toBe("Example & Co <Blog>");
    expect(childText(channel, "docs")).toBe("https://www.rssboard.org/rss-specification");
    expect(childText(channel, "ttl")).toBe("60");
    expect(childText(channel, "generator")).toMatch(/^feedwright \d/);
    expect(childText(channel, "language")).toBe("en-GB");
    expect(childText(childrenNamed(channel, "image")[0]!, "url")).toBe("https://example.org/img/channel.png");
    expect(childrenNamed(channel, "atom:link")[0]!.attributes).toMatchObject({ rel: "self", href: `${SITE_URL}rss.xml` });
    expect(childrenNamed(channel, "copyright")).toEqual([]);
    expect(childrenNamed(channel, "atom:link")[1]!.attributes).toEqual({ rel: "hub", href: "https://hub.example/?a=1&b=2" });
    // newest item's date, not the clock
    expect(childText(channel, "lastBuildDate")).toBe("Fri, 12 Jan 2024 00:00:00 +0000");
  });

  it("carries the lead image, its credit and caption in Media RSS, and sanitised, absolute content", async () => {
    const { read } = await fresh();
    const xml = await read("tags/c/rss.xml");
    const item = items(parseXmlStrict(xml))[0]!;
    const media = childrenNamed(item, "media:content")[0]!;
    expect(media.uri).toBe("http://search.yahoo.com/mrss/");
    expect(media.attributes).toEqual({ url: `${SITE_URL}2024/01/10/first/img/lead.jpg`, medium: "image", type: "image/jpeg" });
    expect(childrenNamed(media, "media:credit")[0]!.attributes.role).toBe("photographer");
    expect(childText(media, "media:credit")).toBe("Photo Person");
    expect(childText(media, "media:description")).toBe("The & caption");
    expect(childrenNamed(item, "media:credit")).toEqual([]); // the lead credit once, not again on the item
    expect(childText(item, "dc:creator")).toBe("Jane Roe");
    expect(childrenNamed(item, "author")).toEqual([]);
    expect(childrenNamed(item, "category").map((c) => c.text)).toEqual(["C++", "c", "Ελληνικά", "News"]);

    const content = childText(item, "content:encoded")!;
    expect(content).not.toMatch(/<script|<style|onclick|javascript:/i);
    expect(content).toContain(`href="${SITE_URL}2024/01/10/other/"`);
    expect(content).toContain(`srcset="${SITE_URL}2024/01/10/first/pics/a.jpg 1x, https://example.org/pics/a@2x.jpg 2x"`);
    expect(content).toContain("Text with ]]&gt; inside and ]]&gt; twice.");

    const parsed = parseFeed(xml);
    if (parsed.format !== "rss") throw new Error("not RSS");
    expect(parsed.feed.items?.[0]?.title).toBe(FIRST_TITLE);
    const second = await parseWithRssParser(xml);
    expect(second.items[0]?.title).toBe(FIRST_TITLE);
  });
});

describe("Atom 1.0", () => {
  it("has icon, logo, a text title that keeps <b> as text, and the same Media RSS credits", async () => {
    const { read } = await fresh();
    const xml = await read("tags/c/atom.xml");
    const feed = parseXmlStrict(xml);
    expect(childText(feed, "icon")).toBe("https://example.org/favicon.ico");
    expect(childText(feed, "logo")).toBe(`${SITE_URL}img/logo.png`);
    expect(childText(feed, "id")).toBe(`${SITE_URL}tags/c/`);
    expect(childrenNamed(feed, "link").find((l) => l.attributes.rel === "hub")?.attributes.href).toBe("https://hub.example/?a=1&b=2");
    const entry = childrenNamed(feed, "entry")[0]!;
    expect(childText(entry, "title")).toBe(FIRST_TITLE);
    const media = childrenNamed(entry, "media:content")[0]!;
    expect(media.attributes.url).toBe(`${SITE_URL}2024/01/10/first/img/lead.jpg`);
    expect(childText(media, "media:credit")).toBe("Photo Person");
    const parsed = parseFeed(xml);
    if (parsed.format !== "atom") throw new Error("not Atom");
    expect(parsed.feed.entries?.[0]?.title).toEqual({ type: "text", value: FIRST_TITLE });
    expect((await parseWithRssParser(xml)).items[0]?.title).toBe(FIRST_TITLE);
  });
});

describe("JSON Feed 1.1", () => {
  it("has every field, with image credits in _feedwright", async () => {
    const { read } = await fresh();
    const feed = JSON.parse(await read("tags/c/feed.json"));
    expect(feed).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      home_page_url: `${SITE_URL}tags/c/`,
      feed_url: `${SITE_URL}tags/c/feed.json`,
      language: "en-GB",
      authors: [{ name: "Desk" }],
      icon: `${SITE_URL}img/logo.png`,
      favicon: "https://example.org/favicon.ico",
      hubs: [{ type: "WebSub", url: "https://hub.example/?a=1&b=2" }],
    });
    const item = feed.items[0];
    expect(item).toMatchObject({
      id: `${SITE_URL}2024/01/10/first/`,
      url: `${SITE_URL}2024/01/10/first/`,
      title: FIRST_TITLE,
      image: `${SITE_URL}2024/01/10/first/img/lead.jpg`,
      date_published: "2024-01-10T09:00:00+01:00",
      date_modified: "2024-01-10T09:00:00+01:00",
      authors: [{ name: "Jane Roe" }],
      tags: ["C++", "c", "Ελληνικά", "News"],
      _feedwright: { image_credits: [{ caption: "The & caption", credit: "Photo Person" }], main_image_credit: "Photo Person" },
    });
    expect(item.summary).not.toMatch(/</);
    expect(item.content_html).not.toMatch(/<script/);
  });
});

describe("stable identity", () => {
  it("turns an explicit id into a tag: URI, marks only permalink guids isPermaLink, and disambiguates collisions", async () => {
    const { read, summary } = await fresh();
    const rssItems = items(parseXmlStrict(await read("tags/news/rss.xml")));
    const guids = rssItems.map((item) => ({ text: childText(item, "guid"), permalink: childrenNamed(item, "guid")[0]!.attributes.isPermaLink, link: childText(item, "link") }));
    expect(guids).toEqual([
      { text: "tag:example.org,2000-01-01:post-123-2", permalink: "false", link: `${SITE_URL}2024/01/11/second-2/` },
      { text: "tag:example.org,2000-01-01:post-123", permalink: "false", link: `${SITE_URL}2024/01/11/second/` },
    ]);
    const all = JSON.parse(await read("authors/jane-roe/feed.json"));
    expect(all.items.map((item: { id: string }) => item.id)).toContain(`${SITE_URL}2024/01/10/first/`);
    expect(items(parseXmlStrict(await read("authors/jane-roe/rss.xml"))).map((item) => childrenNamed(item, "guid")[0]!.attributes.isPermaLink)).toEqual(["false", "true"]);
    expect(summary.warnings.map((w) => w.message).join("\n")).toMatch(/permalink \/2024\/01\/11\/second\/ is already used[\s\S]*id post-123 is already used/);
  });

  it("keeps every id when titles, dates, text and tags change", async () => {
    const ids = async (changes: Record<string, string>) => {
      const built = await buildSite(changes);
      return Promise.all(["rss.xml", "tags/news/feed.json"].map((file) => built.read(file))).then(([rss, json]) => ({
        guids: items(parseXmlStrict(rss!)).map((item) => childText(item, "guid")).sort(),
        json: JSON.parse(json!).items.map((item: { id: string }) => item.id).sort(),
      }));
    };
    const before = await ids({});
    const after = await ids({
      "articles/2024-01-11-second.md": ["---", "title: Second, retitled", "date: 2024-01-11T18:00:00+05:00", "id: post-123", "tags: [news, other]", "---", "", "New text."].join("\n"),
    });
    expect(after).toEqual(before);
  });
});

describe("per-tag and per-author feeds", () => {
  it("gives tags that slug alike their own folders, keeps Unicode, limits feeds and self-links each to itself", async () => {
    const { read, out } = await fresh();
    const cPlain = JSON.parse(await read("tags/c/feed.json"));
    expect(cPlain.title).toBe("Example & Co <Blog>: c");
    expect(cPlain.items.map((i: { title: string }) => i.title)).toEqual([FIRST_TITLE]);
    const folders = (await readdir(path.join(out, "tags"))).sort();
    const cPlusPlus = folders.find((name) => /^c-[0-9a-f]{8}$/.test(name))!;
    const cpp = JSON.parse(await read(`tags/${cPlusPlus}/feed.json`));
    expect(cpp.title).toBe("Example & Co <Blog>: c++"); // named as the newest article writes it
    expect(cpp.items.map((i: { title: string }) => i.title)).toEqual(["Third", FIRST_TITLE]);
    expect(folders).toContain("ελληνικα");
    const greek = JSON.parse(await read("tags/ελληνικα/feed.json"));
    expect(greek.feed_url).toBe(new URL("tags/ελληνικα/feed.json", SITE_URL).href);

    // three articles tagged news, feedLimit 2: the page lists three, the feeds carry two
    const news = JSON.parse(await read("tags/news/feed.json"));
    expect(news.items).toHaveLength(2);
    const newsPage = await read("tags/news/index.html");
    expect(newsPage.match(/<li>/g)).toHaveLength(3);
    for (const [type, file] of [["application/rss+xml", "rss.xml"], ["application/atom+xml", "atom.xml"], ["application/feed+json", "feed.json"]]) {
      expect(newsPage).toContain(`type="${type}" title="Example &amp; Co &lt;Blog&gt;: News (`);
      expect(newsPage).toContain(`href="${SITE_URL}tags/news/${file}"`);
    }
    const newsRss = parseXmlStrict(await read("tags/news/rss.xml"));
    expect(childrenNamed(childrenNamed(newsRss, "channel")[0]!, "atom:link")[0]!.attributes.href).toBe(`${SITE_URL}tags/news/rss.xml`);
    const newsAtom = parseXmlStrict(await read("tags/news/atom.xml"));
    expect(childrenNamed(newsAtom, "link").find((l) => l.attributes.rel === "self")!.attributes.href).toBe(`${SITE_URL}tags/news/atom.xml`);

    const tagIndex = await read("tags/index.html");
    for (const folder of folders.filter((name) => name !== "index.html")) expect(tagIndex).toContain(new URL(`tags/${folder}/`, SITE_URL).href);
    const authors = await read("authors/index.html");
    expect(authors).toContain(`${SITE_URL}authors/jane-roe/`);
    expect(JSON.parse(await read("authors/desk/feed.json")).items.map((i: { title: string }) => i.title)).toEqual(["Third"]);
  });

  it("writes no author feeds unless authorFeeds is on", async () => {
    const config = JSON.parse(SITE_FILES["feedwright.config.json"]!);
    delete config.authorFeeds;
    const { out } = await buildSite({ "feedwright.config.json": JSON.stringify(config) });
    expect(await readdir(out)).not.toContain("authors");
  });
});

describe("browser view", () => {
  it("references feed.xsl from every RSS and Atom feed, relative to the feed, and feed.xsl is XSLT 1.0 for both formats", async () => {
    const { read } = await fresh();
    expect(await read("rss.xml")).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<\?xml-stylesheet type="text\/xsl" href="feed.xsl"\?>\n/);
    expect(await read("atom.xml")).toContain('<?xml-stylesheet type="text/xsl" href="feed.xsl"?>');
    expect(await read("tags/news/rss.xml")).toContain('<?xml-stylesheet type="text/xsl" href="../../feed.xsl"?>');
    expect(await read("tags/news/atom.xml")).toContain('<?xml-stylesheet type="text/xsl" href="../../feed.xsl"?>');
    const xsl = parseXmlStrict(await read("feed.xsl"));
    expect(xsl.uri).toBe("http://www.w3.org/1999/XSL/Transform");
    expect(xsl.attributes.version).toBe("1.0");
    const text = await read("feed.xsl");
    expect(text).toContain("/rss/channel/item");
    expect(text).toContain("/atom:feed/atom:entry");
    expect(text).toMatch(/copy this address into your feed reader/);
  });
});

describe("HTML pages", () => {
  it("show the same sanitised content as the feeds", async () => {
    const { read } = await fresh();
    const page = await read("2024/01/10/first/index.html");
    expect(page).not.toMatch(/<script|onclick|javascript:/i);
    expect(page).toContain(`href="${SITE_URL}2024/01/10/other/"`);
    expect(page).toContain(`<a href="${SITE_URL}tags/c/">c</a>`);
    expect(page).toContain(`<a href="${new URL("tags/ελληνικα/", SITE_URL).href}">Ελληνικά</a>`);
  });
});

describe("an empty site", () => {
  it("still writes valid feeds", async () => {
    const dir = await makeFixture({ "articles/.keep": "" });
    await build({ cwd: dir, now: NOW, config: { siteUrl: SITE_URL } });
    const atom = await readFile(path.join(dir, "out", "atom.xml"), "utf8");
    parseXmlStrict(atom);
    if (haveSchemas) expect(await atomSchemaErrors(atom)).toEqual([]);
    parseXmlStrict(await readFile(path.join(dir, "out", "rss.xml"), "utf8"));
  });
});
