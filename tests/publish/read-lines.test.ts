import { writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { NotAsciiError, readAsciiLines } from "../../src/read-lines.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

async function linesOf(file: string): Promise<string[]> {
  const lines: string[] = [];
  await readAsciiLines(file, (line) => {
    lines.push(line);
    return true;
  });
  return lines;
}

describe("readAsciiLines", () => {
  it("gives back every line of a file of several megabytes, lines crossing chunk ends included (property)", async () => {
    const dir = await makeTempDir(created);
    const line = fc.oneof(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 }), fc.nat({ max: 2_500_000 }).map((length) => "x".repeat(length)));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 10 }), fc.boolean(), async (lines, finalNewline) => {
        const file = path.join(dir, "lines.txt");
        await writeFile(file, lines.join("\n") + (finalNewline ? "\n" : ""));
        const expected = finalNewline || lines.at(-1) !== "" ? lines : lines.slice(0, -1);
        expect(await linesOf(file)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it("stops when asked", async () => {
    const file = path.join(await makeTempDir(created), "lines.txt");
    await writeFile(file, "a\nb\nc\n");
    const seen: string[] = [];
    await readAsciiLines(file, (line) => {
      seen.push(line);
      return line !== "b";
    });
    expect(seen).toEqual(["a", "b"]);
  });

  it("refuses a file with a byte outside ASCII", async () => {
    const file = path.join(await makeTempDir(created), "lines.txt");
    await writeFile(file, "plain\nnaïve\n");
    await expect(linesOf(file)).rejects.toBeInstanceOf(NotAsciiError);
  });
});
