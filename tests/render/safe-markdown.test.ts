import fc from "fast-check";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { configSchema } from "../../src/config/schema.js";
import { renderMarkdown } from "../../src/derive/markdown.js";
import { isSafeMarkdownTokenStream, renderSafeMarkdownHtml } from "../../src/derive/safe-markdown-html.js";
import { deriveFileBytes } from "../../src/pipeline/derive-file.js";
import { xmlSafe } from "../../src/render/xml-safe.js";
import { knownSafeHtml } from "../../src/render/known-safe-html.js";
import { sanitizeContent, sanitizeContentFully } from "../../src/render/sanitize-content.js";

const ARTICLE_URL = "https://example.org/blog/2024/01/10/post/";

type Node = string | { tag: string; attributes: [string, string][]; children: Node[] };

/** The element tree of an HTML fragment as htmlparser2 reads it, adjacent texts merged: two spellings of the same DOM compare equal. */
function dom(html: string): Node[] {
  const convert = (nodes: readonly unknown[]): Node[] => {
    const result: Node[] = [];
    for (const node of nodes as { type: string; data?: string; name?: string; attribs?: Record<string, string>; children?: unknown[] }[]) {
      if (node.type === "text") {
        const last = result.at(-1);
        if (typeof last === "string") result[result.length - 1] = last + node.data!;
        else result.push(node.data!);
      } else if (node.type === "tag") {
        result.push({ tag: node.name!, attributes: Object.entries(node.attribs ?? {}).sort(), children: convert(node.children ?? []) });
      } else {
        result.push(`<${node.type}>`);
      }
    }
    return result;
  };
  return convert(parseDocument(html).children);
}

// Generated Markdown: every construct markdown-it knows except raw HTML (no `<`), with text that
// mixes in what XML cannot carry, what NFC changes, and what escaping must handle.
const TEXT_PIECES = [
  "word", " ", "  ", "Ünïcödé", "e\u0301", "\u212A", "\u037E", "\u0338", "&", "&amp;", "&quot;", "&#x1F600;", "&#0;", "&nbsp;", "&bogus;",
  '"', "'", ">", "\\*", "\u0001", "\u000B", "\u001F", "\uFFFE", "\uD800", "\uDC00", "😀", "\u{10FFFF}", "\u0000", "\t", "\u00A0", "]]>", "|",
];
const URLS = [
  "page.html", "../up/", "/root", "#note-1", "?q=1&r=2", "", "https://example.com/a?b=c&d=e", "http://x.example/π", "HTTPS://EXAMPLE.COM/",
  "javascript:alert(1)", "JaVaScRiPt:x", "data:image/png;base64,AAAA", "data:image/svg+xml;base64,AAAA", "data:text/html,x",
  "mailto:a@example.org", "MAILTO:b@example.org", "ftp://files.example/", "//proto.example/x", "tel:+123", "vbscript:x", "weird+scheme:x",
  "a%20b", "%zz", "http://[::1", "//[bad", "\\\\server\\share", "foo:", "ü.html", "&amp;x", "a\u0001b",
];
const INFO_STRINGS = ["", "js", "c++", "c#", "{.x}", "language-x", 'a"b', "x y z", "\u212A", "e\u0301", "py\u0001", "&amp;", "&lt;x", "~~~"];

const text = fc.array(fc.constantFrom(...TEXT_PIECES), { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(""));
const url = fc.oneof(fc.constantFrom(...URLS), fc.string({ maxLength: 8 }).map((value) => value.replace(/[<>\s()]/g, "")));
const title = fc.option(text.map((value) => ` "${value.replace(/"/g, "")}"`), { nil: "" });
const inline = fc
  .array(
    fc.oneof(
      text,
      text.map((value) => `*${value}*`),
      text.map((value) => `**${value}**`),
      text.map((value) => `~~${value}~~`),
      text.map((value) => `\`${value.replace(/`/g, "")}\``),
      fc.tuple(text, url, title).map(([label, target, named]) => `[${label}](${target}${named})`),
      fc.tuple(text, url, title).map(([alt, target, named]) => `![${alt}](${target}${named})`),
      fc.tuple(text, url).map(([alt, target]) => `[![${alt}](${target})](${target})`),
      text.map((label) => `[${label}][ref]`),
      fc.constant("  \n"),
      fc.constant("\\\n"),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((pieces) => pieces.join(" "));
const block = fc.oneof(
  inline,
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([level, heading]) => `${"#".repeat(level)} ${heading}`),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join("\n")),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.array(inline, { minLength: 1, maxLength: 3 })).map(([start, items]) => items.map((item, index) => `${start + index}. ${item}`).join("\n")),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join("\n\n")),
  inline.map((quote) => `> ${quote}`),
  fc.tuple(fc.constantFrom(...INFO_STRINGS), text).map(([info, code]) => `\`\`\`${info}\n${code}\n\`\`\``),
  text.map((code) => `    ${code}`),
  fc.tuple(inline, inline, fc.constantFrom("---|---", ":--|--:", ":-:|---")).map(([a, b, rule]) => `| ${a.replace(/\|/g, "")} | ${b.replace(/\|/g, "")} |\n|${rule}|\n| ${b.replace(/\|/g, "")} | x |`),
  fc.constant("---"),
  fc.tuple(url, title).map(([target, named]) => `[ref]: ${target || "x"}${named}`),
);
const body = fc.array(block, { minLength: 1, maxLength: 6 }).chain((blocks) => fc.constantFrom("\n\n", "\n").map((separator) => blocks.join(separator)));
const articleUrl = fc.constantFrom(ARTICLE_URL, "http://localhost:4173/a/b", "https://example.com/ü/?x=1");

describe("sanitizeContent's fast path for Markdown without raw HTML", () => {
  it("gives the same DOM, indeed the same bytes, as sanitize-html, and sanitize-html leaves its output as it is", () => {
    let fastRuns = 0;
    let runs = 0;
    fc.assert(
      fc.property(body, articleUrl, (markdown, base) => {
        const html = renderMarkdown(markdown);
        runs++;
        if (!html.includes("\u0338") && knownSafeHtml(html, base) !== null) fastRuns++;
        const fast = sanitizeContent(html, base);
        const full = sanitizeContentFully(html, base);
        expect(dom(fast)).toEqual(dom(full));
        expect(fast).toBe(full);
        expect(dom(sanitizeContentFully(fast, base))).toEqual(dom(fast));
      }),
      { numRuns: 400 },
    );
    // The property must exercise the fast path, not only its fall-backs.
    expect(fastRuns).toBeGreaterThan(runs / 4);
  });

  it("takes the fast path for ordinary Markdown and resolves its links and images against the article", () => {
    const html = renderMarkdown('# Title\n\nSee [the page](other.html "T") and [a note](#n1), ![a *photo*](img/p.jpg).\n\n- one\n- two\n');
    expect(knownSafeHtml(html, ARTICLE_URL)).not.toBeNull();
    expect(sanitizeContent(html, ARTICLE_URL)).toBe(
      "<h1>Title</h1>\n" +
        `<p>See <a href="${ARTICLE_URL}other.html" title="T">the page</a> and <a href="${ARTICLE_URL}#n1">a note</a>, <img src="${ARTICLE_URL}img/p.jpg" alt="a photo" />.</p>\n` +
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
    );
  });

  it("drops a data: image and keeps a mailto: link on the fast path, as the full sanitiser does", () => {
    const html = renderMarkdown("![dot](data:image/png;base64,AAAA) [mail](mailto:a@example.org)");
    expect(knownSafeHtml(html, ARTICLE_URL)).not.toBeNull();
    expect(sanitizeContent(html, ARTICLE_URL)).toBe('<p> <a href="mailto:a@example.org">mail</a></p>\n');
    expect(sanitizeContentFully(html, ARTICLE_URL)).toBe(sanitizeContent(html, ARTICLE_URL));
  });

  it("keeps only language-* classes on code and drops table alignment styles", () => {
    const html = renderMarkdown("```c++ extra\nx < y\n```\n\n```{.weird}\nz\n```\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n");
    expect(knownSafeHtml(html, ARTICLE_URL)).not.toBeNull();
    const safe = sanitizeContent(html, ARTICLE_URL);
    expect(safe).toContain('<pre><code class="language-c++">x &lt; y\n</code></pre>');
    expect(safe).toContain("<pre><code>z\n</code></pre>");
    expect(safe).not.toContain("style");
    expect(safe).toBe(sanitizeContentFully(html, ARTICLE_URL));
  });

  it("leaves a URL it cannot judge, and text with U+0338, to the full sanitiser", () => {
    const unsure = renderMarkdown("[odd](//[bad)");
    expect(knownSafeHtml(unsure, ARTICLE_URL)).toBeNull();
    expect(sanitizeContent(unsure, ARTICLE_URL)).toBe(sanitizeContentFully(unsure, ARTICLE_URL));
    const composing = renderMarkdown("*a*\u0338 b");
    expect(sanitizeContent(composing, ARTICLE_URL)).toBe(sanitizeContentFully(composing, ARTICLE_URL));
  });

  it("sends Markdown with raw HTML through sanitize-html", () => {
    const cases = [
      ["Hello\n\n<script>alert(1)</script>\n\nbye", "<p>Hello</p>\n\n<p>bye</p>\n"],
      ['Look: <img src="x.png" onerror="alert(1)"> here', `<p>Look: <img src="${ARTICLE_URL}x.png" /> here</p>\n`],
      ['<figure><img src="a.png" alt="A"><figcaption>Cap</figcaption></figure>', `<figure><img src="${ARTICLE_URL}a.png" alt="A" /><figcaption>Cap</figcaption></figure>`],
    ] as const;
    for (const [markdown, expected] of cases) {
      const html = renderMarkdown(markdown);
      expect(knownSafeHtml(html, ARTICLE_URL), markdown).toBeNull();
      expect(sanitizeContent(html, ARTICLE_URL), markdown).toBe(expected);
    }
  });

  it("trusts only the string last rendered, not an earlier one nor a look-alike", () => {
    const first = renderMarkdown("[one](a.html)");
    const second = renderMarkdown("[two](b.html)");
    expect(knownSafeHtml(first, ARTICLE_URL)).toBeNull();
    expect(knownSafeHtml(second, ARTICLE_URL)).not.toBeNull();
    expect(knownSafeHtml(`${second}<script>x</script>`, ARTICLE_URL)).toBeNull();
    expect(sanitizeContent(first, ARTICLE_URL)).toBe(`<p><a href="${ARTICLE_URL}a.html">one</a></p>\n`);
    // A body with raw HTML forgets the entry: nothing rendered before it is trusted any more.
    renderMarkdown("<b>x</b>");
    expect(knownSafeHtml(second, ARTICLE_URL)).toBeNull();
  });

  it("returns the empty string for empty content", () => {
    expect(sanitizeContent("", ARTICLE_URL)).toBe("");
  });

  it("is what deriving a Markdown file uses, with the full sanitiser's result", () => {
    const config = configSchema.parse({ siteUrl: "https://example.org/" });
    const source = '---\ntitle: "A post"\ndate: 2024-01-10\n---\n\nText with [a link](../other/) & ![img](p.png "T").\n\n```ts\nlet a = 1 < 2;\n```\n';
    const derived = deriveFileBytes("2024/post.md", Buffer.from(source), false, config);
    if (derived.kind !== "article" || derived.outcome.kind !== "article") throw new Error(`not derived: ${derived.kind}`);
    const url = derived.outcome.article.url;
    expect(knownSafeHtml(derived.content, url)).not.toBeNull();
    expect(derived.sanitized).toBe(sanitizeContentFully(derived.content, url));
    expect(derived.sanitized).toContain(`<a href="${new URL("../other/", url).href}">a link</a> &amp; <img src="${new URL("p.png", url).href}" alt="img" title="T" />`);
  });

  it("follows the renderer's line-break option and declines a renderer with a highlighter", () => {
    const body = "one\ntwo ![i](x.png)\n\n```js\nx\n```\n";
    const breaking = new MarkdownIt({ html: true, breaks: true });
    const tokens = breaking.parse(body, {});
    expect(isSafeMarkdownTokenStream(tokens)).toBe(true);
    expect(xmlSafe(renderSafeMarkdownHtml(breaking, tokens, ARTICLE_URL)!)).toBe(sanitizeContentFully(breaking.renderer.render(tokens, breaking.options, {}), ARTICLE_URL));
    const highlighting = new MarkdownIt({ html: true, highlight: (code) => `<b>${code}</b>` });
    expect(renderSafeMarkdownHtml(highlighting, highlighting.parse(body, {}), ARTICLE_URL)).toBeNull();
    expect(isSafeMarkdownTokenStream(breaking.parse("a <i>b</i>", {}))).toBe(false);
  });
});
