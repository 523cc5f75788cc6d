import fc from "fast-check";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { needsYamlPackage, parseYamlFrontMatter } from "../../src/read/parse-yaml-front-matter.js";
import { splitFrontMatter, type FrontMatterProblem } from "../../src/read/split-front-matter.js";

/** How front matter was read before js-yaml: the `yaml` package alone, core schema. */
function readWithYamlPackage(input: string): { data: unknown; problems: Array<{ line: number; fatal: boolean }> } {
  const document = parseDocument(input, { schema: "core", prettyErrors: true, uniqueKeys: false });
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch {
    return { data: "throws", problems: [] };
  }
  const usable = typeof value === "object" && value !== null && !Array.isArray(value);
  const problems = document.errors.map((error) => ({ line: 1 + (error.linePos?.[0]?.line ?? 1), fatal: !usable }));
  if (!usable && value !== null && value !== undefined && document.errors.length === 0) problems.push({ line: 2, fatal: true });
  return { data: usable ? value : {}, problems };
}

function read(input: string): { data: unknown; problems: Array<{ line: number; fatal: boolean }> } {
  const problems: FrontMatterProblem[] = [];
  try {
    const data = parseYamlFrontMatter(input, problems);
    return { data, problems: problems.map(({ line, fatal }) => ({ line, fatal })) };
  } catch {
    return { data: "throws", problems: [] };
  }
}

/** Pieces of YAML, the tricky ones included, for documents the two readers must agree on. */
const TOKENS = [
  "k", "key", "a", "1", "0", ".", "e", "+", "-", "- ", ": ", ":", " ", "  ", "\n", "\n", "\n  ", "\n    ", "\n- ",
  "\n  - ", "'", '"', "#", " #", "[", "]", "{", "}", ", ", ",", "|", ">", "|-", ">+", "|2", "\t", "\\", "x y", "true",
  "null", "~", "2024-01-05", "é", "\u00a0", "...", "---", "?", "<<", "0x1", "1_0", "0o7", ".5", "1e3", "*", "&a ", "!",
];
const SCALARS = [
  "1", "-0", "+12", "0o17", "0x1F", "1_000", "0b11", "1e3", "1.5", ".5", "+.5", "5.", ".inf", "-.Inf", ".NaN", "true",
  "False", "TRUE", "yes", "no", "on", "~", "null", "Null", "", "2024-01-05", "2019-11-20 18:02:00 +0000", "'it''s'",
  '"a\\tb\\u00e9"', "a # c", "a#b", "[a, b]", "[a, [b, c]]", "{a: 1, b: [2]}", "[]", "{}", "|\n  l1\n  l2",
  ">\n  f1\n  f2\n\n  p", "|-\n  x", "plain\n  cont", "\n  - a\n  - b", "\n  k: v\n  k2: v2", "@x", "'open", '"open',
  "[1, 2", "Rock 'n' roll", "It's here", "a: b", "http://x.y/z",
];
const KEYS = ["title", "date", "tags", "a", '"q k"', "'s k'", "1", "true", "__proto__", "constructor", "~", "[a]", "<<", "k k"];

describe("parseYamlFrontMatter", () => {
  it("reads the core schema as the yaml package does: dates stay strings, YAML 1.1 forms stay text", () => {
    const input = "\ndate: 2024-01-05\nn: 1_000\nb: 0b101\nh: 0x1F\no: 0o17\nf: +.5\ne: 1e3\nyes: yes\nt: True\nnothing: ~\ninf: -.Inf";
    expect(read(input)).toEqual({
      data: { date: "2024-01-05", n: "1_000", b: "0b101", h: 31, o: 15, f: 0.5, e: 1000, yes: "yes", t: true, nothing: null, inf: -Infinity },
      problems: [],
    });
  });

  it("takes the last of repeated keys without a problem, and keeps << and __proto__ as plain keys", () => {
    const input = '\ntitle: one\ntitle: two\n<<: {x: 1}\n__proto__: {polluted: "yes"}';
    const { data, problems } = read(input);
    expect(problems).toEqual([]);
    expect(data).toEqual(JSON.parse('{ "title": "two", "<<": { "x": 1 }, "__proto__": { "polluted": "yes" } }'));
    expect(read(input)).toEqual(readWithYamlPackage(input));
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(["title", "<<", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leaves errors to the yaml package: what is readable is kept, with the file's line", () => {
    const problems: FrontMatterProblem[] = [];
    expect(parseYamlFrontMatter("\ntitle: ok\ntags:\n- a\n-b\nnext: 1", problems)).toMatchObject({ title: "ok" });
    expect(problems).toEqual([expect.objectContaining({ line: 6, fatal: false, message: expect.stringMatching(/^YAML error: /) })]);
  });

  it("refuses an alias bomb as before", () => {
    const bomb = "\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + Array.from({ length: 9 }, (_, i) => `${"bcdefghij"[i]}: &${"bcdefghij"[i]} [${Array(10).fill(`*${"abcdefghi"[i]}`).join(", ")}]`).join("\n");
    expect(() => parseYamlFrontMatter(bomb, [])).toThrow(/alias/i);
  });

  it("sends YAML the two readers could read differently to the yaml package", () => {
    for (const input of ["\na: *x", "\na: !!str 1", "\n? k\n: v", "\n~: v", "\na: 'multi\nline'", "\na: [1,\n2]", "\na:\n  - x\n- y", "\na: |2\n   x"]) {
      expect(needsYamlPackage(input), input).toBe(true);
    }
    expect(needsYamlPackage("\ntitle: It's a title\ndate: 2024-01-05\ntags: [a, b]\nauthors:\n  - Jane\n  - John\nsummary: >\n  Folded\n  text")).toBe(false);
  });

  it("agrees with the yaml package on generated YAML, errors and all", () => {
    const fromTokens = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 25 }).map((tokens) => `\n${tokens.join("")}`);
    const line = fc
      .tuple(fc.constantFrom("", "", "  ", "- ", "  - "), fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 5 })), fc.constantFrom(": ", ":", " : "), fc.oneof(fc.constantFrom(...SCALARS), fc.string({ maxLength: 8 })))
      .map(([indent, key, colon, value]) => indent + key + colon + value);
    const fromLines = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => `\n${lines.join("\n")}`);
    fc.assert(
      fc.property(fc.oneof(fromTokens, fromLines), (input) => {
        // Inside front matter a line starting with --- would have closed it.
        fc.pre(!input.includes("\n---"));
        expect(read(input)).toEqual(readWithYamlPackage(input));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("splitFrontMatter reads fences as gray-matter did", () => {
  it("takes the language after the fence in lower case (YAML in any case) and refuses others", () => {
    expect(splitFrontMatter("---YAML\ntitle: Y\n---\nbody").data).toEqual({ title: "Y" });
    expect(splitFrontMatter('---toml\ntitle = "T"\n---\nbody').data).toEqual({ title: "T" });
    const upper = splitFrontMatter('---TOML\ntitle = "T"\n---\nbody');
    expect(upper.data).toEqual({});
    expect(upper.problems).toEqual([expect.objectContaining({ line: 2, fatal: true, message: expect.stringContaining('"TOML"') })]);
  });

  it("reads a block of only comments, or nothing, as no data without a problem", () => {
    for (const text of ["---\n# just a note\n---\nbody", "---json\n---\nbody", "+++\n\n+++\nbody"]) {
      expect(splitFrontMatter(text)).toMatchObject({ data: {}, problems: [], body: "body" });
    }
  });
});
