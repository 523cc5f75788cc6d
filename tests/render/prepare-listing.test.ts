import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/article.js";
import { prepareListing } from "../../src/render/prepare-article.js";
import { xmlSafe } from "../../src/render/xml-safe.js";

/** Text made of the characters that matter for one-line text: spaces of every kind, line breaks, tabs, BOM. */
const spacedText = fc.string({ unit: fc.constantFrom("a", "é", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u0000", "b") });

describe("prepareListing", () => {
  it("makes titles and summaries XML-safe text on one line, single-spaced and trimmed", () => {
    fc.assert(
      fc.property(spacedText, spacedText, (title, summary) => {
        const listed = prepareListing({ url: "https://x.example/a/", title, published: "2024-01-01T00:00:00Z", summary } as Article);
        expect(listed.title).toBe(xmlSafe(title).replace(/\s+/g, " ").trim());
        expect(listed.summary).toBe(xmlSafe(summary).replace(/\s+/g, " ").trim());
        expect(listed.url).toBe("https://x.example/a/");
      }),
      { numRuns: 3000 },
    );
  });
});
