import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/read/decode.js";

const polish = "Zażółć gęślą jaźń. Wczoraj w Warszawie odbyło się spotkanie, a źródła mówią o ślubie.";

describe("decodeText", () => {
  it("reads plain UTF-8 as UTF-8", () => {
    const decoded = decodeText(Buffer.from(polish, "utf8"));
    expect(decoded).toEqual({ text: polish, encoding: "utf-8", warnings: [] });
  });

  it("drops a UTF-8 BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Héllo", "utf8")]);
    expect(decodeText(bytes).text).toBe("Héllo");
  });

  it("reads UTF-16 LE and BE with a BOM", () => {
    const le = iconv.encode("Zażółć “quotes”", "utf16le", { addBOM: true });
    expect(le[0]).toBe(0xff);
    expect(decodeText(le)).toMatchObject({ text: "Zażółć “quotes”", encoding: "utf-16le" });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode("Zażółć “quotes”", "utf16be")]);
    expect(decodeText(be)).toMatchObject({ text: "Zażółć “quotes”", encoding: "utf-16be" });
  });

  it("reads ISO-8859-2 Polish", () => {
    const decoded = decodeText(iconv.encode(polish, "iso-8859-2"));
    expect(decoded.text).toBe(polish);
    expect(decoded.encoding).toBe("iso-8859-2");
  });

  it("reads the short Polish pangram in ISO-8859-2", () => {
    expect(decodeText(iconv.encode("Zażółć gęślą jaźń", "iso-8859-2")).text).toBe("Zażółć gęślą jaźń");
  });

  it("reads Windows-1250 Polish", () => {
    const decoded = decodeText(iconv.encode(polish, "windows-1250"));
    expect(decoded.text).toBe(polish);
  });

  it("reads Windows-1252 curly quotes, é and the euro sign", () => {
    const text = "He said “the café costs €5” — it’s naïve.";
    const decoded = decodeText(iconv.encode(text, "windows-1252"));
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe("windows-1252");
  });

  it("normalises CRLF and lone CR to LF", () => {
    expect(decodeText(Buffer.from("a\r\nb\rc\n", "utf8")).text).toBe("a\nb\nc\n");
    expect(decodeText(iconv.encode("caf\u00e9\r\nbar", "windows-1252")).text).toBe("café\nbar");
  });

  it("warns when a legacy guess is uncertain", () => {
    // One ambiguous byte: æ (Windows-1252) or ć (ISO-8859-2), nothing tells them apart.
    const decoded = decodeText(Uint8Array.from([0x41, 0xe6, 0x42])); // æ or ć
    expect(decoded.warnings.length).toBe(1);
    expect(decoded.warnings[0]).toMatch(/UTF-8/);
  });

  it("never throws and never returns CR on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeText(bytes);
        expect(decoded.text.includes("\r")).toBe(false);
      }),
    );
  });
});

describe("decodeText with bytes every legacy encoding reads alike", () => {
  it("does not warn and names Windows-1252", () => {
    expect(decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]))).toEqual({ text: "Café", encoding: "windows-1252", warnings: [] });
  });
});
