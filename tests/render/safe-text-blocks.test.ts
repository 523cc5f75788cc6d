import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderInlineMarkdown } from "../../src/derive/markdown.js";
import { renderTextBlocksHtml } from "../../src/derive/text/render-text-blocks-html.js";
import type { TextBlock } from "../../src/derive/text/types.js";
import { knownSafeHtml } from "../../src/render/known-safe-html.js";
import { sanitizeContent, sanitizeContentFully } from "../../src/render/sanitize-content.js";

const ARTICLE_URL = "https://example.org/news/2024/story/";

// Any text at all, with markup characters, entities, what XML cannot carry and what NFC changes mixed in.
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.array(fc.constantFrom("a", " ", "<b>", "&amp;", "&", '"', "'", ">", "\u0001", "\uD800", "e\u0301", "\u212A", "\u0338", "😀", "]]>"), { maxLength: 8 }).map((parts) => parts.join("")),
);
const block: fc.Arbitrary<TextBlock> = fc.oneof(
  text.map((value) => ({ type: "paragraph" as const, text: value })),
  text.map((value) => ({ type: "heading" as const, text: value })),
  fc.record({ type: fc.constant("figure" as const), caption: fc.option(text, { nil: null }), credit: fc.option(text, { nil: null }) }),
);

describe("sanitizeContent's fast path for raw-text articles", () => {
  it("gives sanitize-html's bytes for escaped text blocks", () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
        const html = renderTextBlocksHtml(blocks);
        if (html !== "" && !html.includes("\u0338")) expect(knownSafeHtml(html, ARTICLE_URL)).not.toBeNull();
        expect(sanitizeContent(html, ARTICLE_URL)).toBe(sanitizeContentFully(html, ARTICLE_URL));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the credit's class and writes quotes plainly", () => {
    const html = renderTextBlocksHtml([
      { type: "paragraph", text: `He said "no" & left <quietly>.` },
      { type: "figure", caption: "A 'view'", credit: "Photo: AP" },
    ]);
    expect(sanitizeContent(html, ARTICLE_URL)).toBe(
      `<p>He said "no" &amp; left &lt;quietly&gt;.</p>\n<figure><figcaption>A 'view' <small class="credit">Photo: AP</small></figcaption></figure>`,
    );
  });

  it("does not vouch for blocks rendered with inline Markdown, which may carry raw HTML", () => {
    const html = renderTextBlocksHtml([{ type: "paragraph", text: "x <script>alert(1)</script> *y*" }], renderInlineMarkdown);
    expect(knownSafeHtml(html, ARTICLE_URL)).toBeNull();
    expect(sanitizeContent(html, ARTICLE_URL)).toBe("<p>x  <em>y</em></p>");
  });
});
