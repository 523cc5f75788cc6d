import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xmlSafe } from "../../src/render/xml-safe.js";

const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** The definition xmlSafe had before it skipped the second removal: strip, NFC, strip. */
function stripNormalizeStrip(text: string): string {
  return text.replace(ILLEGAL, "").normalize("NFC").replace(ILLEGAL, "");
}

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fc.constantFrom("a", "e\u0301", "\u0301", "\u212A", "\u037E", "\uD800", "\uDFFF", "\u0000", "\u0008", "\t", "\n", "\r", "\u000B", "\uFFFE", "\uFFFF", "😀", "\u1100\u1161", "\u0338", ">"), { maxLength: 12 }).map((parts) => parts.join("")),
);

describe("xmlSafe", () => {
  it("gives what stripping, normalising and stripping again gives, and leaves nothing XML 1.0 forbids", () => {
    fc.assert(
      fc.property(text, (value) => {
        const safe = xmlSafe(value);
        expect(safe).toBe(stripNormalizeStrip(value));
        expect(safe).toBe(safe.normalize("NFC"));
        expect(safe.match(ILLEGAL)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it("joins what a removed character separated, then composes it", () => {
    expect(xmlSafe("e\u0001\u0301")).toBe("\u00E9");
    expect(xmlSafe("a\uD800b\uFFFF")).toBe("ab");
  });
});
