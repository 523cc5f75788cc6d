import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeXml, xmlSafe } from "../../src/render/xml-safe.js";

/** The plain definition the fast version must agree with: strip, normalise, strip again. */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;
const reference = (text: string) => text.replace(ILLEGAL, "").normalize("NFC").replace(ILLEGAL, "");

/** Text with the characters that matter here: controls, lone and paired surrogates, noncharacters, combining marks. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      fc.constantFrom("\u0000", "\u0008", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uD83D\uDE00", "e\u0301", "\u212B", "&", "<", ">", '"', "]]>"),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("xmlSafe", () => {
  it("equals stripping, NFC and stripping again, on any text", () => {
    fc.assert(fc.property(hostileText, (text) => {
        expect(xmlSafe(text)).toBe(reference(text));
      }), { numRuns: 2000 });
  });

  it("returns clean text as it is", () => {
    const clean = "Plain ASCII, «quotes», emoji 😀 and é";
    expect(xmlSafe(clean)).toBe(clean.normalize("NFC"));
  });
});

describe("escapeXml", () => {
  it("escapes the four characters and nothing else, after making the text XML-safe", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const expected = reference(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
        expect(escapeXml(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
