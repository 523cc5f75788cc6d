import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/read/split-front-matter.js";

describe("splitFrontMatter", () => {
  it("reads YAML with the core schema, keeping dates as written", () => {
    const split = splitFrontMatter("---\ntitle: Hello\ndate: 2024-01-05\n---\n\nBody\n");
    expect(split.format).toBe("yaml");
    expect(split.data).toEqual({ title: "Hello", date: "2024-01-05" });
    expect(split.body).toBe("\nBody\n");
    expect(split.bodyLine).toBe(5);
    expect(split.keyLines).toEqual({ title: 2, date: 3 });
  });

  it("reads Hugo TOML between +++ lines, tables with spaces and trailing commas", () => {
    const split = splitFrontMatter('+++\ntitle = "T"\ntags = [\n  "a",\n  "b",\n]\n[ author ]\n  name = "N"\n+++\nBody');
    expect(split.format).toBe("toml");
    expect(split.data).toMatchObject({ title: "T", tags: ["a", "b"], author: { name: "N" } });
    expect(split.body).toBe("Body");
  });

  it("reads JSON front matter, bare or fenced", () => {
    expect(splitFrontMatter('{\n "title": "J"\n}\n\nBody').data).toEqual({ title: "J" });
    expect(splitFrontMatter('---json\n{"title": "K"}\n---\nBody').data).toEqual({ title: "K" });
  });

  it("handles a byte order mark and CRLF fences", () => {
    const split = splitFrontMatter("\uFEFF---\r\ntitle: CR\r\n---\r\nBody");
    expect(split.data).toEqual({ title: "CR" });
  });

  it("treats a file without a fence as all body", () => {
    expect(splitFrontMatter("Just text\n---\nmore")).toMatchObject({ format: "none", data: {}, bodyLine: 1 });
  });

  it("reports an unclosed fence on line 1 as fatal", () => {
    const split = splitFrontMatter("---\ntitle: x\n\nbody");
    expect(split.problems).toEqual([expect.objectContaining({ line: 1, fatal: true })]);
  });

  it("places YAML errors on the file's line and keeps what was readable", () => {
    const split = splitFrontMatter("---\ntitle: ok\ntags:\n- a\n-b\nnext: 1\n---\nBody");
    expect(split.data.title).toBe("ok");
    expect(split.problems[0]).toMatchObject({ line: 6, fatal: false });
  });

  it("reports TOML and JSON syntax errors with a line", () => {
    expect(splitFrontMatter('+++\ntitle = "x\n+++\nb').problems[0]).toMatchObject({ line: 3, fatal: true });
    expect(splitFrontMatter('---json\n{"title": }\n---\nb').problems[0]).toMatchObject({ fatal: true });
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.constantFrom("---\n", "+++\n", "{", ""), (text, prefix) => {
        const split = splitFrontMatter(prefix + text);
        expect(typeof split.body).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});
