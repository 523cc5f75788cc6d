import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FieldOrigin } from "../../src/article.js";
import { shareOriginStrings } from "../../src/pipeline/share-origin-strings.js";

describe("shareOriginStrings", () => {
  it("leaves every origin record equal to what it was (property)", () => {
    const origin = fc.oneof(fc.constantFrom("front-matter", "text", "file-name", "config"), fc.string());
    fc.assert(
      fc.property(fc.dictionary(fc.string(), origin), (record) => {
        // As a record arrives from a worker thread: a structured clone.
        const copy = structuredClone(record) as Record<string, FieldOrigin>;
        const expected = structuredClone(record);
        shareOriginStrings(copy);
        expect(copy).toStrictEqual(expected);
      }),
    );
  });
});
