import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { parseFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { checkFeeds } from "../../src/check/check-feeds.js";
import { xmlSafe } from "../../src/render/xml-safe.js";
import { makeFixture } from "../helpers/fixture.js";
import { parseXmlStrict } from "../helpers/xml.js";
import { atomSchemaErrors, haveSchemas, jsonFeedRequiredProblems, jsonFeedSchemaErrors, parseWithRssParser } from "./validators.js";

/** Pieces that have broken feed generators: markup, CDATA ends, entities, controls, lone surrogates, RTL, emoji, combining marks. */
const NASTY = [
  "]]>", "]]>]]>", "&", "&amp;", "&lt;", "<script>alert(1)</script>", "<b>", "\"", "'", "\u0001", "\u000B", "\u001F", "\uFFFE",
  "\uD800", "\uDC00", "😀", "👩‍👩‍👧", "שלום", "مرحبا", "\u202E", "e\u0301", "\r\n", "\t", "  ", "\u00A0", "<![CDATA[", "<!--", "-->", "%00", "\\",
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 6 }), fc.constant("long ".repeat(600))), { maxLength: 8 })
  .map((parts) => parts.join(""));
const url = fc.constantFrom("img/a\"b.jpg", "https://cdn.example/a b<c>.png?x=1&y=2", "javascript:alert(1)", "/pics/é.webp", "data:image/png;base64,AA", "../up.gif");

const article = fc.record({
  title: text,
  body: text,
  caption: text,
  credit: text,
  // Tags repeat, with and without characters that get removed: feeds must still list each once.
  tags: fc.array(fc.oneof(text, fc.constantFrom("dup", "dup\u0001", "DUP", " dup ")), { maxLength: 4 }),
  author: text,
  image: url,
  link: url,
});

/** The one-line form every format must carry a title in: XML-safe NFC, runs of white space as one space. */
function expectedTitle(title: string): string {
  return xmlSafe(`T ${title}`).replace(/\s+/g, " ").trim();
}

function articleFile(input: fc.Arbitrary<unknown> extends never ? never : Record<string, unknown>, index: number): string {
  const a = input as { title: string; body: string; caption: string; credit: string; tags: string[]; author: string; image: string; link: string };
  const frontMatter = {
    title: `T ${a.title}`,
    date: `2024-02-0${index + 1}T10:00:00+02:00`,
    tags: a.tags,
    author: { name: `A ${a.author}` },
    image: a.image,
    image_caption: a.caption,
    image_credit: `C ${a.credit}`,
  };
  // NUL makes a file binary (skipped by design); everything else goes in as is.
  const body = `${a.body}\n\n[link](${a.link}) <img src="${a.image}" srcset="${a.image} 2x"> <a href="${a.link}" onclick="x()">${a.title}</a>`;
  return `${JSON.stringify(frontMatter)}\n\n${body}`.replace(/\u0000/g, "");
}

describe("any article text", () => {
  it("gives well-formed, valid feeds that read back the same titles and pass feedwright check", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 3 }), async (articles) => {
        const dir = await makeFixture(Object.fromEntries(articles.map((a, i) => [`articles/post-${i}.md`, articleFile(a, i)])));
        const summary = await build({ cwd: dir, now: "2025-01-01T00:00:00Z", config: { siteUrl: "https://example.org/b/", title: "Site & <co>" } });
        expect(summary.published).toHaveLength(articles.length);
        const out = path.join(dir, "out");
        const files = ((await readdir(out, { recursive: true })) as string[]).map((f) => f.split(path.sep).join("/"));
        const expected = articles.map((a) => expectedTitle(a.title)).reverse(); // newest first

        for (const file of files.filter((f) => f.endsWith(".xml") || f.endsWith(".xsl"))) parseXmlStrict(await readFile(path.join(out, file), "utf8"));
        for (const file of files.filter((f) => f.endsWith("feed.json"))) {
          const feed = JSON.parse(await readFile(path.join(out, file), "utf8"));
          expect(jsonFeedRequiredProblems(feed), file).toEqual([]);
          // Text `<` is escaped, so every `<...>` left is a real tag: none may be a script or carry a handler or script URL.
          for (const item of feed.items) {
            for (const tag of item.content_html.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(/^<\/?(script|style|iframe)|\son\w+=|(href|src|srcset)="\s*(javascript|data):/i);
          }
          if (haveSchemas) expect(jsonFeedSchemaErrors(feed), file).toEqual([]);
        }
        if (haveSchemas) {
          // the site feed and one tag feed: RELAX NG validation is the slow part
          for (const file of ["atom.xml", files.find((f) => /^tags\/[^/]+\/atom\.xml$/.test(f))].filter(Boolean) as string[]) {
            expect(await atomSchemaErrors(await readFile(path.join(out, file), "utf8")), file).toEqual([]);
          }
        }

        const rss = await readFile(path.join(out, "rss.xml"), "utf8");
        const atom = await readFile(path.join(out, "atom.xml"), "utf8");
        const json = JSON.parse(await readFile(path.join(out, "feed.json"), "utf8"));
        const rssParsed = parseFeed(rss);
        const atomParsed = parseFeed(atom);
        if (rssParsed.format !== "rss" || atomParsed.format !== "atom") throw new Error("wrong formats");
        expect(json.items.map((i: { title: string }) => i.title)).toEqual(expected);
        expect(rssParsed.feed.items?.map((i) => i.title ?? "")).toEqual(expected);
        expect(atomParsed.feed.entries?.map((e) => e.title?.value ?? "")).toEqual(expected);
        expect((await parseWithRssParser(rss)).items.map((i) => i.title ?? "")).toEqual(expected);

        const report = await checkFeeds(out);
        expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
      }),
      { numRuns: Number(process.env.FEEDWRIGHT_PROPERTY_RUNS ?? 25) },
    );
  });
});
