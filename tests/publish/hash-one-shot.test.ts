import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashText } from "../../src/pipeline/article-keys.js";
import { hashConfig, hashContent, stableStringify } from "../../src/publish/article-cache.js";

/** The digests caches were written with: a Hash object per call. */
const streamed = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("one-shot hashing gives the digests existing caches hold", () => {
  it("for bytes, strings (lone surrogates included) and configs", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }), fc.jsonValue(), (bytes, text, value) => {
        expect(hashContent(bytes)).toBe(streamed(bytes));
        expect(hashText(text)).toBe(streamed(text));
        expect(hashConfig(value)).toBe(streamed(stableStringify(value)));
      }),
      { numRuns: 300 },
    );
    expect(hashText("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
