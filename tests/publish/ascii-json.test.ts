import { writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { escapeNonAscii, readTextFile } from "../../src/ascii-json.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

describe("escapeNonAscii", () => {
  it("writes JSON in ASCII that parses to the same value, for any strings (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, text) => {
        for (const json of [JSON.stringify(value), JSON.stringify({ [text]: [text, value] })]) {
          const escaped = escapeNonAscii(json);
          expect(/^[\x00-\x7e]*$/.test(escaped)).toBe(true);
          expect(JSON.parse(escaped)).toEqual(JSON.parse(json));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("leaves ASCII JSON as it is, and escapes an astral character as its two surrogates", () => {
    expect(escapeNonAscii('{"a":"plain"}')).toBe('{"a":"plain"}');
    expect(escapeNonAscii('"Zoë 😀"')).toBe('"Zo\\u00eb \\ud83d\\ude00"');
  });
});

describe("readTextFile", () => {
  it("decodes any bytes as toString('utf8') does, ASCII or not, valid UTF-8 or not (property)", async () => {
    const dir = await makeTempDir(created);
    const file = path.join(dir, "text.json");
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: "binary" }).map((text) => new TextEncoder().encode(text))), async (bytes) => {
        await writeFile(file, bytes);
        expect(await readTextFile(file)).toBe(Buffer.from(bytes).toString("utf8"));
      }),
      { numRuns: 200 },
    );
  });
});
