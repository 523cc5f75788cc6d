import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feedTopicUrls } from "../../src/publish/feed-topic-urls.js";
import { describeHubLinks } from "../../src/publish/websub-links.js";

describe("describeHubLinks", () => {
  it("describes hub and self links for each format", () => {
    const links = describeHubLinks("https://pubsubhubbub.appspot.com/", {
      rss: "https://example.org/rss.xml",
      atom: "https://example.org/atom.xml",
      json: "https://example.org/feed.json",
    });
    expect(links.rss.namespace.uri).toBe("http://www.w3.org/2005/Atom");
    expect(links.rss.links).toEqual([
      { rel: "hub", href: "https://pubsubhubbub.appspot.com/" },
      { rel: "self", href: "https://example.org/rss.xml", type: "application/rss+xml" },
    ]);
    expect(links.atom.links[1]).toEqual({ rel: "self", href: "https://example.org/atom.xml", type: "application/atom+xml" });
    expect(links.json).toEqual({ feed_url: "https://example.org/feed.json", hubs: [{ type: "WebSub", url: "https://pubsubhubbub.appspot.com/" }] });
  });
});

describe("feedTopicUrls", () => {
  it("keeps only feeds, as absolute URLs under the site", () => {
    expect(
      feedTopicUrls("https://example.org/blog", ["index.html", "rss.xml", "atom.xml", "feed.json", "2024/01/x/index.html", "tags/news.rss", "style.css", "rss.xml"]),
    ).toEqual([
      "https://example.org/blog/rss.xml",
      "https://example.org/blog/atom.xml",
      "https://example.org/blog/feed.json",
      "https://example.org/blog/tags/news.rss",
    ]);
  });

  it("returns nothing when no feed changed", () => {
    expect(feedTopicUrls("https://example.org/", ["index.html", "2024/01/01/a/index.html"])).toEqual([]);
  });

  it("always yields URLs under the site for any file name", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.array(fc.constantFrom("..", ".", "/", "\\", "a", "rss.xml", "x.atom", "%2e", "?", "#")).map((p) => p.join("")))), (files) => {
        for (const url of feedTopicUrls("https://example.org/site/", files)) {
          expect(url.startsWith("https://example.org/site/")).toBe(true);
        }
      }),
    );
  });
});
