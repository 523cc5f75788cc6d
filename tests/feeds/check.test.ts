import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFeeds } from "../../src/check/check-feeds.js";
import { runCli } from "../helpers/cli.js";
import { makeFixture } from "../helpers/fixture.js";
import { buildSite, SITE_URL } from "./site-fixture.js";

/** Hand-broken variants of good feeds: file, how to break it, and what `check` must say. */
const BROKEN: Array<{ name: string; file: string; edit: (text: string) => string; expect: RegExp }> = [
  { name: "ill-formed XML", file: "rss.xml", edit: (t) => t.replace("</channel>", ""), expect: /rss\.xml: error: not well-formed XML: line \d+/ },
  { name: "unbound prefix", file: "rss.xml", edit: (t) => t.replace(' xmlns:dc="http://purl.org/dc/elements/1.1/"', ""), expect: /rss\.xml: error: not well-formed XML: .*prefix/i },
  { name: "RSS without description", file: "rss.xml", edit: (t) => t.replace(/<description>[^<]*<\/description>/, ""), expect: /rss\.xml: error: the channel has no <description>/ },
  { name: "RSS date not RFC 822", file: "rss.xml", edit: (t) => t.replace(/<pubDate>[^<]*<\/pubDate>/, "<pubDate>2024-01-12</pubDate>"), expect: /rss\.xml: error: item 1 <pubDate>: "2024-01-12" is not an RFC 822 date/ },
  { name: "RSS wrong weekday", file: "rss.xml", edit: (t) => t.replace("Fri, 12 Jan 2024", "Mon, 12 Jan 2024"), expect: /wrong day of the week/ },
  { name: "RSS relative link", file: "rss.xml", edit: (t) => t.replace(/<link>https:\/\/example\.org\/2024[^<]*<\/link>/, "<link>/2024/x/</link>").replace(/(<item>\s*<title>[^<]*<\/title>\s*)<link>[^<]*<\/link>/, "$1<link>/relative/</link>"), expect: /rss\.xml: error: item 1: <link> "\/relative\/" is not an absolute/ },
  { name: "RSS duplicate guid", file: "rss.xml", edit: (t) => t.replace("post-123-2</guid>", "post-123</guid>"), expect: /rss\.xml: error: item 2: <guid> "tag:example\.org,2000-01-01:post-123" is used by an earlier item/ },
  { name: "RSS permalink guid not a URL", file: "rss.xml", edit: (t) => t.replace('isPermaLink="false">tag:example.org,2000-01-01:post-123<', 'isPermaLink="true">tag:example.org,2000-01-01:post-123<'), expect: /marked as a permalink but is not an absolute/ },
  { name: "RSS wrong self link", file: "tags/news/rss.xml", edit: (t) => t.replace("tags/news/rss.xml", "rss.xml"), expect: /tags\/news\/rss\.xml: error: the self link is "https:\/\/example\.org\/blog\/rss\.xml" but this file is published at "https:\/\/example\.org\/blog\/tags\/news\/rss\.xml"/ },
  { name: "Atom without updated", file: "atom.xml", edit: (t) => t.replace(/<updated>[^<]*<\/updated>/, ""), expect: /atom\.xml: error: the feed has no <updated>/ },
  { name: "Atom bad date", file: "atom.xml", edit: (t) => t.replace(/<published>[^<]*<\/published>/, "<published>12 Jan 2024</published>"), expect: /atom\.xml: error: entry 1 <published>: "12 Jan 2024" is not an RFC 3339/ },
  { name: "Atom non-URI id", file: "atom.xml", edit: (t) => t.replace("<id>tag:example.org,2000-01-01:post-123-2</id>", "<id>post-123</id>"), expect: /atom\.xml: error: entry 1: <id> "post-123" is not an absolute URI/ },
  { name: "Atom duplicate id", file: "atom.xml", edit: (t) => t.replace("post-123-2</id>", "post-123</id>"), expect: /atom\.xml: error: entry 2: <id> .* is used by an earlier entry/ },
  { name: "Atom without author", file: "atom.xml", edit: (t) => t.replace(/<author>[\s\S]*?<\/author>/g, ""), expect: /atom\.xml: error: entry 1 has no <author>, and neither has the feed/ },
  { name: "Atom wrong self link", file: "tags/c/atom.xml", edit: (t) => t.replace("tags/c/atom.xml", "tags/c/feed.atom"), expect: /tags\/c\/atom\.xml: error: the self link is/ },
  { name: "JSON not JSON", file: "feed.json", edit: (t) => t.slice(0, -5), expect: /feed\.json: error: not valid JSON/ },
  { name: "JSON missing keys", file: "feed.json", edit: (t) => JSON.stringify({ ...JSON.parse(t), version: undefined, title: undefined }), expect: /feed\.json: error: "version" must be[\s\S]*feed\.json: error: "title" is required/ },
  { name: "JSON item without id and content", file: "feed.json", edit: (t) => { const f = JSON.parse(t); delete f.items[0].id; delete f.items[0].content_html; return JSON.stringify(f); }, expect: /item 1 has no "id"[\s\S]*item 1 has neither "content_html" nor "content_text"/ },
  { name: "JSON bad date and relative url", file: "feed.json", edit: (t) => { const f = JSON.parse(t); f.items[0].date_published = "2024-01-12 00:00"; f.items[1].url = "/x/"; return JSON.stringify(f); }, expect: /item 1 "date_published": "2024-01-12 00:00" is not an RFC 3339[\s\S]*item 2: "url" "\/x\/" is not an absolute/ },
  { name: "JSON wrong feed_url", file: "tags/news/feed.json", edit: (t) => t.replace("tags/news/feed.json", "feed.json"), expect: /tags\/news\/feed\.json: error: "feed_url" is "https:\/\/example\.org\/blog\/feed\.json" but this file is published at/ },
];

describe("feedwright check", () => {
  it("passes the output of a build, with a one-line summary (exit 0)", async () => {
    const { dir } = await buildSite();
    const result = await runCli(["check"], dir);
    expect(result.stdout).toBe("feedwright check: 21 feeds in out, 0 errors, 0 warnings: all valid\n");
    expect(result.code).toBe(0);
    const direct = await checkFeeds(path.join(dir, "out"));
    expect(direct.errors + direct.warnings).toBe(0);
    expect(direct.files).toContain("tags/news/atom.xml");
  });

  it("detects every hand-broken variant (exit 1), naming the file", async () => {
    const { out } = await buildSite();
    const root = await makeFixture();
    // Each variant in its own copy of the output; the CLI runs a few at a time to keep the test quick.
    const runVariant = async (variant: (typeof BROKEN)[number], index: number) => {
      const dir = path.join(root, `v${index}`);
      await cp(out, dir, { recursive: true });
      const target = path.join(dir, variant.file);
      const before = await readFile(target, "utf8");
      const after = variant.edit(before);
      expect(after, variant.name).not.toBe(before);
      await writeFile(target, after);
      return { variant, result: await runCli(["check", dir, "--site-url", SITE_URL], root) };
    };
    for (let start = 0; start < BROKEN.length; start += 4) {
      const batch = await Promise.all(BROKEN.slice(start, start + 4).map((variant, offset) => runVariant(variant, start + offset)));
      for (const { variant, result } of batch) {
        expect(result.stdout, variant.name).toMatch(variant.expect);
        expect(result.code, variant.name).toBe(1);
        expect(result.stdout, variant.name).toMatch(/feedwright check: 21 feeds in v\d+, [1-9]\d* errors?, \d+ warnings?\n$/);
      }
    }
  });

  it("fails on warnings only with --strict, and uses the config's outDir and siteUrl", async () => {
    const { dir } = await buildSite();
    const file = path.join(dir, "out", "rss.xml");
    await writeFile(file, (await readFile(file, "utf8")).replace(/<guid[^>]*>[^<]*<\/guid>/, ""));
    const lenient = await runCli(["check"], dir);
    expect(lenient.stdout).toMatch(/^out\/rss\.xml: warning: item 1 has no <guid>/m);
    expect(lenient.code).toBe(0);
    const strict = await runCli(["check", "--strict"], dir);
    expect(strict.code).toBe(1);

    // the config's siteUrl decides where the files are published
    const config = path.join(dir, "feedwright.config.json");
    await writeFile(config, (await readFile(config, "utf8")).replace(SITE_URL, "https://elsewhere.example/"));
    const moved = await runCli(["check"], dir);
    expect(moved.stdout).toContain('out/rss.xml: error: the self link is "https://example.org/blog/rss.xml" but this file is published at "https://elsewhere.example/rss.xml"');
    expect(moved.code).toBe(1);
  });

  it("explains a missing or feedless folder (exit 2)", async () => {
    const dir = await makeFixture({ "empty/.keep": "" });
    const missing = await runCli(["check", "nowhere"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/there is no folder nowhere to check: run "feedwright build" first/);
    await mkdir(path.join(dir, "empty"), { recursive: true });
    const empty = await runCli(["check", "empty"], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/found no feeds/);
  });
});
