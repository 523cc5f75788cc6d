import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/article.js";
import { sortNewestFirst, sortOldestFirst } from "../../src/select/sort-articles.js";

const article = (sourcePath: string, published: string): Article => ({ sourcePath, published }) as Article;

// Dates written in several offsets, so equal instants are written differently.
const dated = fc.record({
  sourcePath: fc.stringMatching(/^[a-c]{1,3}\.md$/),
  ms: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2020, 0, 1) + 3 * 3_600_000 }).map((ms) => ms - (ms % 1_800_000)),
  offsetHours: fc.constantFrom(-4, 0, 2),
});

function written(ms: number, offsetHours: number): string {
  const local = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = offsetHours < 0 ? "-" : "+";
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, "0")}:00`;
}

/** The order by definition: instant (oldest or newest first), then source path by code unit. */
function reference(direction: 1 | -1) {
  return (a: Article, b: Article): number => {
    const byTime = direction * (Date.parse(a.published) - Date.parse(b.published));
    return byTime !== 0 ? byTime : a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0;
  };
}

describe("sortNewestFirst and sortOldestFirst", () => {
  it("order by instant whatever the offset, ties by source path, in a new array", () => {
    const articles = [
      article("b.md", "2020-01-01T12:00:00+02:00"),
      article("a.md", "2020-01-01T10:00:00Z"),
      article("c.md", "2020-01-01T06:00:01-04:00"),
      article("d.md", "2019-12-31T23:00:00Z"),
    ];
    const before = [...articles];
    expect(sortNewestFirst(articles).map((a) => a.sourcePath)).toEqual(["c.md", "a.md", "b.md", "d.md"]);
    expect(sortOldestFirst(articles).map((a) => a.sourcePath)).toEqual(["d.md", "a.md", "b.md", "c.md"]);
    // a.md and b.md are the same instant written in two offsets: the source path decides, in both directions.
    expect(articles).toEqual(before);
  });

  it("agree with comparing dates pair by pair, for any articles (property)", () => {
    fc.assert(
      fc.property(fc.array(dated, { maxLength: 40 }), (specs) => {
        const articles = specs.map((spec) => article(spec.sourcePath, written(spec.ms, spec.offsetHours)));
        expect(sortOldestFirst(articles)).toEqual([...articles].sort(reference(1)));
        expect(sortNewestFirst(articles)).toEqual([...articles].sort(reference(-1)));
      }),
    );
  });
});
