import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupKey } from "../../src/render/feed-groups.js";
import { prepareTags } from "../../src/render/prepare-article.js";
import { xmlSafe } from "../../src/render/xml-safe.js";

/** prepareTags as it was written before its memo: one line each, then unique by groupKey, first spelling kept. */
function plainPrepareTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags
    .map((tag) => xmlSafe(tag).replace(/\s+/g, " ").trim())
    .filter((tag) => {
      const key = groupKey(tag);
      if (key === "" || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Tags that collide: case, spacing, NFC and NFD forms, control characters, empty ones. */
const tag = fc.oneof(
  fc.constantFrom("Rust", "rust", " RUST ", "Zürich", "Zu\u0308rich", "C++", "c++", "", "  ", "a\tb", "a  b", "A B", "\u0007bell", "\uFFFE"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);

describe("prepareTags", () => {
  it("gives what the plain definition gives, on first use and from its memo", () => {
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 8 }), (tags) => {
        const expected = plainPrepareTags(tags);
        expect(prepareTags(tags)).toEqual(expected);
        expect(prepareTags(tags)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
