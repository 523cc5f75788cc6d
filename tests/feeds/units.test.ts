import { describe, expect, it } from "vitest";
import type { Article } from "../../src/article.js";
import { configSchema } from "../../src/config/schema.js";
import { absoluteSrcset } from "../../src/render/absolute-srcset.js";
import { renderSite } from "../../src/render/render-site.js";
import { sanitizeContent } from "../../src/render/sanitize-content.js";
import { stableItemId } from "../../src/render/stable-id.js";
import { uniqueSlugs } from "../../src/render/unique-slugs.js";
import { childText, childrenNamed, parseXmlStrict } from "../helpers/xml.js";

const ARTICLE_URL = "https://example.org/blog/2024/01/10/post/";

describe("sanitizeContent", () => {
  const clean = (html: string) => sanitizeContent(html, ARTICLE_URL);

  it("removes scripts, styles, frames, forms and embedded objects with their content", () => {
    const out = clean('<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.example/"></iframe><form><input name="q"></form><object data="x"></object><embed src="y"><svg><script>1</script></svg>');
    expect(out).toBe("<p>a</p>");
  });

  it("removes event handlers and style attributes, keeps allowed ones", () => {
    expect(clean('<p onclick="x()" style="color:red" title="t">a</p>')).toBe('<p title="t">a</p>');
    expect(clean('<img src="a.png" onerror="x()" alt="A">')).toBe(`<img src="${ARTICLE_URL}a.png" alt="A" />`);
  });

  it("removes javascript: and data: URLs however they are spelled", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>1</script>", "vbscript:x"]) {
      expect(clean(`<a href="${href}">x</a>`), href).toBe("<a>x</a>");
    }
    expect(clean('<img src="data:image/png;base64,AAAA">')).toBe("");
    expect(clean('<img src="a.png" srcset="data:image/png;base64,AA 2x, b.png 3x">')).toBe(`<img src="${ARTICLE_URL}a.png" srcset="${ARTICLE_URL}b.png 3x" />`);
  });

  it("makes relative href, src and srcset absolute against the article's URL", () => {
    expect(clean('<a href="../other/">o</a><a href="/root">r</a><a href="#n">f</a><a href="mailto:a@example.org">m</a>')).toBe(
      '<a href="https://example.org/blog/2024/01/10/other/">o</a><a href="https://example.org/root">r</a>' +
        `<a href="${ARTICLE_URL}#n">f</a><a href="mailto:a@example.org">m</a>`,
    );
    expect(clean('<picture><source srcset="w.webp 1x, w2.webp 2x" type="image/webp"><img src="p.jpg"></picture>')).toBe(
      `<picture><source srcset="${ARTICLE_URL}w.webp 1x, ${ARTICLE_URL}w2.webp 2x" type="image/webp" /><img src="${ARTICLE_URL}p.jpg" /></picture>`,
    );
    expect(clean('<blockquote cite="src.html">q</blockquote>')).toBe(`<blockquote cite="${ARTICLE_URL}src.html">q</blockquote>`);
  });

  it("keeps figures, captions, tables, code with its language, headings and links", () => {
    const html = '<figure><img src="https://cdn.example/x.jpg" alt="x"><figcaption>Cap <b>b</b></figcaption></figure><h2>H</h2><table><thead><tr><th scope="col">a</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table><pre><code class="language-ts">a &lt; b</code></pre>';
    expect(clean(html)).toBe(html.replace('alt="x">', 'alt="x" />'));
    expect(clean('<code class="evil language-js">x</code>')).toBe('<code class="language-js">x</code>');
  });

  it("removes characters XML cannot carry, normalises to NFC and balances tags", () => {
    expect(clean("<p>a\u0001b\uD800c e\u0301</p>")).toBe("<p>abc é</p>");
    expect(clean("<p><b>open")).toBe("<p><b>open</b></p>");
    expect(clean("<p>&#1;x</p>")).toBe("<p>x</p>");
  });
});

describe("absoluteSrcset", () => {
  it("keeps descriptors, handles commas in URLs' ends and extra spaces", () => {
    expect(absoluteSrcset("a.jpg 1x,b.jpg 2x", ARTICLE_URL)).toBe(`${ARTICLE_URL}a.jpg 1x, ${ARTICLE_URL}b.jpg 2x`);
    expect(absoluteSrcset("  a.jpg,  /b.jpg 640w ", ARTICLE_URL)).toBe(`${ARTICLE_URL}a.jpg, https://example.org/b.jpg 640w`);
    expect(absoluteSrcset("a b.jpg 2x, c.jpg 1.5x", ARTICLE_URL)).toBe(`${ARTICLE_URL}c.jpg 1.5x`);
  });
});

describe("stableItemId", () => {
  const site = "https://example.org/blog/";
  it("keeps URLs and URN/tag URIs, wraps anything else in a tag: URI with the configured date", () => {
    expect(stableItemId("https://example.org/blog/a/", site, "2000-01-01")).toBe("https://example.org/blog/a/");
    expect(stableItemId("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", site, "2000-01-01")).toBe("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66");
    expect(stableItemId("tag:other.example,2010:x", site, "2000-01-01")).toBe("tag:other.example,2010:x");
    expect(stableItemId("post-123", site, "2000-01-01")).toBe("tag:example.org,2000-01-01:post-123");
    expect(stableItemId("post 123/é<>", site, "2012")).toBe("tag:example.org,2012:post%20123/%C3%A9%3C%3E");
    expect(stableItemId("42", "http://localhost:4173/", "2000-01-01")).toBe("tag:localhost,2000-01-01:42");
  });
});

describe("uniqueSlugs", () => {
  it("gives colliding keys stable, distinct slugs whatever else exists", () => {
    const both = uniqueSlugs(["c++", "c"], "tag");
    expect(both.get("c")).toBe("c");
    expect(both.get("c++")).toMatch(/^c-[0-9a-f]{8}$/);
    expect(uniqueSlugs(["c", "c++", "rust"], "tag").get("c++")).toBe(both.get("c++"));
    expect(uniqueSlugs(["c++"], "tag").get("c++")).toBe("c");
    expect(uniqueSlugs(["+++"], "tag").get("+++")).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(uniqueSlugs(["ελληνικά"], "tag").get("ελληνικά")).toBe("ελληνικα");
  });
});

describe("Media RSS credits", () => {
  const article: Article = {
    sourcePath: "a.md",
    id: "https://example.org/a/",
    slug: "a",
    permalink: "/a/",
    url: "https://example.org/a/",
    title: "A",
    published: "2024-01-01T00:00:00+00:00",
    updated: null,
    summary: "S",
    contentHtml: "<p>x</p>",
    authors: [{ name: "N", email: "not an address" }],
    tags: [],
    image: { url: "/lead.png", caption: "Lead caption", credit: "Lead Credit", alt: null },
    imageCredits: [
      { caption: "Lead caption", credit: "Lead Credit" },
      { caption: "Second \"caption\" & <more>", credit: "Second Credit" },
      { caption: null, credit: "Third Credit" },
      { caption: null, credit: "Third Credit" },
    ],
    mainImageCredit: "Lead Credit",
    draft: false,
    origin: {},
    warnings: [],
  };
  const files = renderSite(configSchema.parse({ siteUrl: "https://example.org/" }), [article], [article]);

  it("puts the lead credit in media:content and every other credit once on the item, in RSS and Atom", () => {
    for (const [file, entryName] of [["rss.xml", "item"], ["atom.xml", "entry"]] as const) {
      const root = parseXmlStrict(files.get(file)!);
      const container = file === "rss.xml" ? childrenNamed(root, "channel")[0]! : root;
      const entry = childrenNamed(container, entryName)[0]!;
      const media = childrenNamed(entry, "media:content")[0]!;
      expect(media.attributes).toMatchObject({ url: "https://example.org/lead.png", medium: "image", type: "image/png" });
      expect(childText(media, "media:credit"), file).toBe("Lead Credit");
      expect(childText(media, "media:description"), file).toBe("Lead caption");
      expect(childrenNamed(entry, "media:credit").map((c) => [c.text, c.attributes.role]), file).toEqual([
        ["Second Credit", "photographer"],
        ["Third Credit", "photographer"],
      ]);
      expect(childrenNamed(entry, "media:text").map((c) => c.text), file).toEqual(['Second "caption" & <more>']);
    }
    const atom = files.get("atom.xml")!;
    expect(atom).not.toContain("<email>"); // an address that is not one is left out (Atom requires the form)
  });
});
