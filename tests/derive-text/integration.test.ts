import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "feedsmith";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { inspectFiles } from "../../src/inspect.js";
import { runCli } from "../helpers/cli.js";
import { makeFixture, repoRoot } from "../helpers/fixture.js";

const fixtures = path.join(repoRoot, "tests", "fixtures", "raw-text");
const exampleName = path.join("shared", "examples", "2021-10-19-milley-gerasimov-helsinki.txt");
const example = [path.join(repoRoot, "..", exampleName), path.join(repoRoot, "..", "..", exampleName)].find((p) => existsSync(p));

const config = JSON.stringify({ title: "Test Site", siteUrl: "https://fixture.example/", timeZone: "Europe/Warsaw" });
const fixture = async (name: string) => readFile(path.join(fixtures, name));

const INSPECT_KEYS = ["file", "title", "published", "updated", "summary", "author", "imageCredits", "mainImageCredit", "tags", "origin", "warnings"];

describe("feedwright inspect", () => {
  it("prints one JSON object per file with exactly the documented keys", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": config,
      "articles/2021-10-18-sejm.txt": await fixture("polish-site-translation.txt"),
      "articles/cafe.txt": await fixture("crlf-windows-1252.txt"),
      "articles/utf16.txt": iconv.encode("Lorry drivers block the A2 motorway near Poznań\r\n\r\nPublished: 19 October 2021\r\n\r\nHundreds of lorry drivers blocked the A2 motorway on Tuesday, protesting against new toll rates.\r\n", "utf16le", { addBOM: true }),
    });
    const result = await runCli(["inspect", "--json", "articles/2021-10-18-sejm.txt", "articles/cafe.txt", "articles/utf16.txt"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(records).toHaveLength(3);
    for (const record of records) expect(Object.keys(record)).toEqual(INSPECT_KEYS);
    expect(records[0]).toEqual({
      file: "articles/2021-10-18-sejm.txt",
      title: "Poland. The Sejm passed an amendment on judicial appointments. The opposition announces an appeal to the Constitutional Tribunal",
      published: "2021-10-18T13:25:00+02:00",
      updated: null,
      summary:
        "Members of the Sejm on Monday adopted an amendment to the law on the National Council of the Judiciary, which changes the way judges are nominated. 231 deputies voted in favour, 220 against and 3 abstained.",
      author: null,
      imageCredits: [
        { caption: "Marshal of the Sejm Elżbieta Witek", credit: "RADEK PIETRUSZKA / PAP" },
        { caption: "Opposition deputies in the Sejm chamber", credit: "LESZEK SZYMAŃSKI / PAP" },
      ],
      mainImageCredit: "RADEK PIETRUSZKA / PAP",
      tags: [],
      origin: { title: "text", published: "text", summary: "text", imageCredits: "text", mainImageCredit: "text" },
      warnings: [],
    });
    expect(records[1]).toMatchObject({ title: "Café owners in Lyon protest €2 tax on takeaway cups", author: "Amélie Durand", published: "2021-10-19T00:00:00+02:00" });
    expect(records[2]).toMatchObject({ title: "Lorry drivers block the A2 motorway near Poznań", published: "2021-10-19T00:00:00+02:00" });
  });

  it("prints a readable form with each value's origin", async () => {
    const dir = await makeFixture({ "feedwright.config.json": config, "2021-10-19-cranes.txt": await fixture("2021-10-19-no-date-line.txt") });
    const result = await runCli(["inspect", "2021-10-19-cranes.txt"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2021-10-19-cranes\.txt\n/u);
    expect(result.stdout).toMatch(/title: +New cranes arrive at Gdynia container terminal {2}\[text\]/u);
    expect(result.stdout).toMatch(/published: +2021-10-19T00:00:00\+02:00 {2}\[file-name\]/u);
    expect(result.stdout).toMatch(/author: +\(none\)/u);
  });

  it("reports a missing file and exits 1", async () => {
    const dir = await makeFixture({ "feedwright.config.json": config });
    const result = await runCli(["inspect", "--json", "missing.txt"], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)[0].warnings).toEqual(["file not found; check the path"]);
  });

  it("lets front matter override what the text says, field by field", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": config,
      "2021-10-01-override.txt": "---\ndate: 2021-11-02\nauthor: Desk Editor\n---\nBridge reopens after two years\n\nPublished: 19 October 2021\n\nBy Jan Nowak\n\nThe Poniatowski bridge reopened to traffic on Tuesday after two years of repairs.\n",
      "2021-10-01-no-title.md": "---\ntags: [city]\n---\nBridge reopens after two years\n\nThe Poniatowski bridge reopened to traffic on Tuesday after two years of repairs.\n",
      "plain.md": "Bridge reopens after two years\n\nTuesday, October 19, 2021\n\nThe Poniatowski bridge reopened to traffic on Tuesday after two years of repairs.\n",
    });
    const [override, noTitle, plain] = await inspectFiles(["2021-10-01-override.txt", "2021-10-01-no-title.md", "plain.md"], { cwd: dir });
    expect(override).toMatchObject({
      title: "Bridge reopens after two years",
      published: "2021-11-02T00:00:00+01:00",
      author: "Desk Editor",
      origin: { title: "text", published: "front-matter", author: "front-matter", summary: "text" },
    });
    expect(noTitle).toMatchObject({
      title: "Bridge reopens after two years",
      published: "2021-10-01T00:00:00+02:00",
      tags: ["city"],
      origin: { title: "text", published: "file-name", tags: "front-matter" },
    });
    expect(plain).toMatchObject({ title: "Bridge reopens after two years", published: "2021-10-19T00:00:00+02:00", origin: { published: "text" } });
  });

  it("applies textRules from the config", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": JSON.stringify({ timeZone: "UTC", textRules: { chrome: ["Gazeta Miejska poleca"], agencies: ["Fotorzepa"] } }),
      "2021-10-19-a.txt": "Gazeta Miejska poleca\n\nBridge reopens after two years\n\nThe Poniatowski bridge reopened to traffic on Tuesday after two years of repairs.\n\nThe bridge at nightANNA KOWAL / FOTORZEPA\n",
    });
    const [record] = await inspectFiles(["2021-10-19-a.txt"], { cwd: dir });
    expect(record?.title).toBe("Bridge reopens after two years");
    expect(record?.imageCredits).toEqual([{ caption: "The bridge at night", credit: "ANNA KOWAL / FOTORZEPA" }]);
  });

  it("refuses an invalid textRules pattern with a sentence", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": JSON.stringify({ textRules: { chromePatterns: ["(unclosed"] } }),
      "a.txt": "x",
    });
    const result = await runCli(["inspect", "a.txt"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/textRules/);
    expect(result.stderr).toMatch(/regular expression/);
  });
});

describe("build with raw text articles", () => {
  it("publishes .txt articles with derived fields and figure captions in the page", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": config,
      "articles/2021-10-19-wildfires.txt": await fixture("several-photos.txt"),
      "articles/2021-10-19-cafe.txt": await fixture("crlf-windows-1252.txt"),
    });
    const summary = await build({ cwd: dir, now: "2030-01-01T00:00:00Z" });
    expect(summary.skipped).toEqual([]);
    expect(summary.published).toHaveLength(2);
    const feed = JSON.parse(await readFile(path.join(dir, "out", "feed.json"), "utf8"));
    const wildfires = feed.items.find((item: { title: string }) => item.title === "Wildfires force evacuations across southern Greece");
    expect(wildfires.date_published).toBe("2021-10-19T00:00:00+02:00");
    expect(wildfires.summary).toBe(
      "Thousands of residents were evacuated from villages north of Athens on Tuesday as wildfires fanned by strong winds burned for a third day.",
    );
    expect(wildfires.content_html).toContain('<small class="credit">Yannis Kolesidis/Reuters</small>');
    expect(wildfires.content_html.match(/Yannis Kolesidis/g)).toHaveLength(1);
    expect(wildfires.content_html).not.toContain("By Nikos Papadakis");
  });

  it("renders scraped Markdown without front matter from the derived blocks, hand-written Markdown as Markdown", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": config,
      "articles/2021-10-19-scraped.md":
        "Must read\n\nBridge reopens after two years of repairs\n\n- Advertisement -\n\nThe [Poniatowski bridge](https://example.org/bridge) reopened on *Tuesday* after two years of repairs.\n\nSource link\n",
      "articles/2021-10-20-notes.md": "# Notes from the council meeting\n\nThe council met on Wednesday evening to discuss three things.\n\n- the budget\n- the tram line\n",
    });
    await build({ cwd: dir, now: "2030-01-01T00:00:00Z" });
    const feed = JSON.parse(await readFile(path.join(dir, "out", "feed.json"), "utf8"));
    const scraped = feed.items.find((item: { title: string }) => item.title === "Bridge reopens after two years of repairs");
    expect(scraped.content_html).toContain('<a href="https://example.org/bridge">Poniatowski bridge</a>');
    expect(scraped.content_html).toContain("<em>Tuesday</em>");
    expect(scraped.content_html).not.toMatch(/Must read|Advertisement|Source link/u);
    const notes = feed.items.find((item: { title: string }) => item.title === "Notes from the council meeting");
    expect(notes.content_html).toContain("<li>the budget</li>");
  });

  it.skipIf(!example)("publishes the shared example with its title, date and summary", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": config,
      "articles/2021-10-19-milley-gerasimov-helsinki.txt": await readFile(example!),
    });
    const summary = await build({ cwd: dir, now: "2030-01-01T00:00:00Z" });
    expect(summary.skipped).toEqual([]);
    expect(summary.warnings).toEqual([]);
    const title =
      "Afghanistan. Chiefs of General Staffs of the USA and Russia. Generals Mark Milley and Valery Gerasimov talked about the situation after the Taliban took power";
    const json = JSON.parse(await readFile(path.join(dir, "out", "feed.json"), "utf8"));
    expect(json.items).toHaveLength(1);
    expect(json.items[0].title).toBe(title);
    expect(json.items[0].date_published).toBe("2021-10-19T00:00:00+02:00");
    expect(json.items[0].summary).toMatch(/^The chairman of the Joint Chiefs of Staff/u);
    expect(json.items[0].summary.length).toBeLessThanOrEqual(300);
    expect(json.items[0].content_html).not.toMatch(/Must read|Advertisement|Source link|Latest article/u);
    expect(json.items[0].content_html).toContain("<h2>Al Qaeda and Islamic State threat warnings</h2>");
    const rss = parseFeed(await readFile(path.join(dir, "out", "rss.xml"), "utf8"));
    const item = (rss.feed as { items?: Array<{ title?: string; pubDate?: string; description?: string }> }).items?.[0];
    expect(item?.title).toBe(title);
    expect(new Date(item!.pubDate!).toISOString()).toBe("2021-10-18T22:00:00.000Z");
    expect(item?.description).toMatch(/^The chairman of the Joint Chiefs/u);
  });
});
