import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { jsonParts, textParts } from "../../src/json-parts.js";
import { MANIFEST_FILE, writeManifest } from "../../src/publish/manifest.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

/** Plain data as the build state holds it, with the values JSON.stringify treats specially. */
const plainData = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, false, 0, -0, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
    fc.string({ unit: "binary" }),
    fc.array(fc.oneof(tie("value"), fc.constant(undefined)), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: "binary", maxLength: 6 }), fc.oneof(tie("value"), fc.constant(undefined)), { maxKeys: 5 }),
  ),
})).value;

describe("jsonParts", () => {
  it("joins to exactly what JSON.stringify writes", () => {
    fc.assert(
      fc.property(plainData, (value) => {
        expect([...jsonParts(value)].join("")).toBe(JSON.stringify(value));
      }),
      { numRuns: 1000 },
    );
  });

  it("writes long arrays of primitives, cut into slices, as JSON.stringify does", () => {
    const primitive = fc.oneof(fc.string({ unit: "binary", maxLength: 8 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(primitive, { minLength: 250, maxLength: 1100 }), (items) => {
        expect([...jsonParts({ items, nested: [items] })].join("")).toBe(JSON.stringify({ items, nested: [items] }));
      }),
      { numRuns: 30 },
    );
  });
});

describe("jsonParts on lists of short lists", () => {
  it("writes them, cut into slices, as JSON.stringify does (the build records' needs)", () => {
    const primitive = fc.oneof(fc.integer(), fc.string({ unit: "binary", maxLength: 4 }), fc.constant(null), fc.constant(undefined));
    const item = fc.oneof(fc.constant(0), fc.array(primitive, { maxLength: 300 }), fc.array(fc.array(primitive, { maxLength: 2 }), { maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(item, { minLength: 200, maxLength: 700 }), (needs) => {
        expect([...jsonParts({ needs })].join("")).toBe(JSON.stringify({ needs }));
      }),
      { numRuns: 30 },
    );
  });
});

describe("textParts", () => {
  it("keeps the text and cuts it into parts no larger than asked, unless one part is larger alone", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (parts, size) => {
        const joined = textParts(parts, size);
        expect(joined.join("")).toBe(parts.join(""));
        for (const part of joined) expect(part.length <= size || parts.includes(part)).toBe(true);
        expect(joined.every((part) => part !== "")).toBe(true);
      }),
    );
  });
});

describe("writeManifest", () => {
  it.each([[[]], [["index.html"]], [["b/index.html", "a.xml", "a.xml", "Ä/ü.html"]]])("writes what JSON.stringify(manifest, null, 2) writes for %j", async (paths) => {
    const dir = await makeTempDir(created);
    await writeManifest(dir, paths);
    const files = [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(await readFile(path.join(dir, MANIFEST_FILE), "utf8")).toBe(`${JSON.stringify({ version: 1, files }, null, 2)}\n`);
  });
});
