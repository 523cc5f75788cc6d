import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutSummary } from "../../src/derive/cut-summary.js";

const text =
  "Gen. Mark Milley met the U.S. envoy in Helsinki. Dr. Smith was there too. The talks went on for six hours and ended without a statement.";

describe("cutSummary", () => {
  it("keeps text that fits", () => {
    expect(cutSummary("A short lead.", 300)).toBe("A short lead.");
  });

  it("cuts at the last sentence end that fits, ignoring abbreviations", () => {
    expect(cutSummary(text, 50)).toBe("Gen. Mark Milley met the U.S. envoy in Helsinki.");
    expect(cutSummary(text, 80)).toBe("Gen. Mark Milley met the U.S. envoy in Helsinki. Dr. Smith was there too.");
  });

  it("does not end a sentence at an initial", () => {
    expect(cutSummary("Written by J. R. R. Tolkien in Oxford. Then it was published.", 45)).toBe(
      "Written by J. R. R. Tolkien in Oxford.",
    );
  });

  it("cuts a single long sentence at a word and marks it", () => {
    const cut = cutSummary(text, 30);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it("never exceeds the limit and never cuts inside a word", () => {
    const words = fc.array(fc.stringMatching(/^[A-Za-z]{1,12}[.,!?]?$/), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(words, fc.integer({ min: 40, max: 400 }), (list, max) => {
        const input = list.join(" ");
        const cut = cutSummary(input, max);
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, 0));
        const body = cut.endsWith("…") ? cut.slice(0, -1) : cut;
        const inputWords = input.split(" ");
        const cutWords = body.split(" ").filter(Boolean);
        // every word of the cut is a whole word of the input, in order
        cutWords.forEach((word, index) => {
          const original = inputWords[index] ?? "";
          expect(original.startsWith(word.replace(/[,;:]$/, ""))).toBe(true);
          if (index < cutWords.length - 1) expect(word).toBe(original);
        });
      }),
    );
  });
});
