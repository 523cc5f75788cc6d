import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ABBREVIATIONS } from "../../src/derive/abbreviations.js";
import { cutSummary } from "../../src/derive/cut-summary.js";
import { collapseSpaces, isSpaceCodeUnit, SPACE_CODE_UNITS } from "../../src/derive/text/collapse-spaces.js";
import { chromeKey, memoChromeKey } from "../../src/derive/text/compile-rules.js";
import { TEXT_DATE_PATTERNS } from "../../src/derive/text/find-text-date.js";
import { forEachMatch } from "../../src/derive/text/for-each-match.js";
import { countWords } from "../../src/derive/text/text-shapes.js";

// The faster helpers must give exactly what the plain versions they replaced gave.

function chromeKeyBefore(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s\-–—•·*|»›>:_=#~[\](){}]+|[\s\-–—•·*|»›>:_=#~[\](){}]+$/gu, "")
    .trim();
}

function countWordsBefore(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const ABBREVIATION_SET = new Set(ABBREVIATIONS);
function cutSummaryBefore(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxLength) return clean;
  const ends: number[] = [];
  for (const match of clean.matchAll(/[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}¿¡–—-])/gu)) {
    const word = /(\S+)$/u.exec(clean.slice(0, match.index))?.[1] ?? "";
    const bare = word.replace(/^["'“‘(\[]+/u, "");
    const abbreviation = /^\p{Lu}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare) || ABBREVIATION_SET.has(bare.toLowerCase());
    if (match[0].startsWith(".") && !match[0].startsWith("..") && abbreviation) continue;
    ends.push(match.index + match[0].length);
  }
  const last = clean.trimEnd();
  if (/[.!?…]["'”’»)\]]*$/u.test(last) && ends.at(-1) !== last.length) ends.push(last.length);
  const lastEnd = ends.filter((end) => end <= maxLength).at(-1);
  if (lastEnd !== undefined) return clean.slice(0, lastEnd).trim();
  const slice = clean.slice(0, Math.max(0, maxLength - 1 + 1));
  const lastSpace = slice.lastIndexOf(" ");
  const cut = lastSpace > 0 ? slice.slice(0, lastSpace) : clean.slice(0, Math.max(1, maxLength - 1));
  return cut.replace(/[\s,;:–—-]+$/u, "") + "…";
}

/** Text made of the characters these helpers treat specially. */
const trickyText = fc.string({
  unit: fc.constantFrom("a", "Z", "é", "É", "İ", "1", "٣", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\ufeff", "-", "–", "•", "|", "»", ">", ":", "[", ")", ".", "!", "?", "…", "\"", "”", "Dr", "U.S", "\u{1F600}", "𝐀", "\ud800", "\udc00"),
  maxLength: 80,
});

describe("raw-text speed helpers", () => {
  it("SPACE_CODE_UNITS is exactly what \\s matches", () => {
    for (let code = 0; code <= 0xffff; code += 1) {
      const expected = /\s/.test(String.fromCharCode(code));
      if (SPACE_CODE_UNITS.has(code) !== expected || isSpaceCodeUnit(code) !== expected) throw new Error(`U+${code.toString(16)}`);
    }
  });

  it("collapseSpaces, chromeKey (memoised or not) and countWords give what the regex versions gave", () => {
    fc.assert(
      fc.property(trickyText, fc.integer({ min: 1, max: 30 }), (text, atMost) => {
        expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, " "));
        expect(chromeKey(text)).toBe(chromeKeyBefore(text));
        const keyOf = memoChromeKey();
        expect(keyOf(text)).toBe(chromeKeyBefore(text));
        expect(keyOf(text)).toBe(chromeKeyBefore(text));
        expect(countWords(text)).toBe(countWordsBefore(text));
        expect(countWords(text, atMost)).toBe(Math.min(atMost, countWordsBefore(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it("forEachMatch visits what matchAll finds, empty matches and surrogate pairs included, and can stop", () => {
    const patterns = [/[\p{Lu}]/gu, /(?<=\S)\p{Lu}/gu, /x*/gu, /x*/g, /\b/g, /[.!?]["”’]?\s+(?=\S)/gu];
    fc.assert(
      fc.property(trickyText, fc.constantFrom(...patterns), fc.nat(5), (text, pattern, stopAfter) => {
        const seen: Array<[number, string]> = [];
        forEachMatch(pattern, text, (match) => {
          seen.push([match.index, match[0]]);
        });
        expect(seen).toEqual([...text.matchAll(pattern)].map((match) => [match.index, match[0]]));
        expect(pattern.lastIndex).toBe(0);
        let visits = 0;
        forEachMatch(pattern, text, () => ++visits <= stopAfter);
        expect(visits).toBe(Math.min(seen.length, stopAfter + 1));
      }),
      { numRuns: 1000 },
    );
  });

  it("cutSummary cuts as it did before it stopped scanning past maxLength", () => {
    const sentence = fc
      .array(fc.constantFrom("The", "Dr.", "U.S.", "Gen.", "J.", "e.g.", "said", "“Quoted”", "(aside)", "it", "Rain", "1,000", "…", "!!", "?"), { minLength: 1, maxLength: 12 })
      .chain((words) => fc.constantFrom(".", "!", "?", "…", ".”", "", "...").map((end) => words.join(" ") + end));
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 8 }), fc.integer({ min: 5, max: 120 }), (sentences, maxLength) => {
        const text = sentences.join(" ");
        expect(cutSummary(text, maxLength)).toBe(cutSummaryBefore(text, maxLength));
      }),
      { numRuns: 2000 },
    );
  });

  it("every text date pattern needs a four-digit year (findTextDate skips text without four digits)", () => {
    for (const { pattern } of TEXT_DATE_PATTERNS) expect(pattern.source).toContain("(?<year>\\d{4})");
  });
});
