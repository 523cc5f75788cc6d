import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { copyFixture, repoRoot } from "./helpers/fixture.js";
import { parseXmlStrict } from "./helpers/xml.js";

describe("the committed samples and default config (what `npm start` publishes)", () => {
  it("publishes articles/ cleanly: every sample but the draft, with the lead image credit", async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8"));
    expect(pkg.scripts.start).toBe("node dist/bundle/cli.js build --config feedwright.config.json");
    // The committed articles and config, copied so that the test never writes into the checkout.
    const site = await copyFixture("articles");
    await cp(path.join(repoRoot, "feedwright.config.json"), path.join(site, "feedwright.config.json"));
    const out = path.join(site, "out");

    const result = await runCli(["build", "--config", "feedwright.config.json", "--articles", "."], site);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);

    const rssXml = await readFile(path.join(out, "rss.xml"), "utf8");
    parseXmlStrict(rssXml);
    const rss = parseFeed(rssXml);
    if (rss.format !== "rss") throw new Error(`expected RSS, got ${rss.format}`);
    const items = rss.feed.items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.map((item) => item.title)).not.toContain("Draft: the cycle lane to the station");
    const ferry = items.find((item) => item.title?.startsWith("The river ferry returns"));
    expect(ferry?.media?.contents?.[0]).toMatchObject({
      url: "http://localhost:4173/images/ferry-launch.jpg",
      medium: "image",
    });
    expect(ferry?.media?.contents?.[0]?.credits?.[0]).toMatchObject({ value: "Piotr Nowak / Gazette", role: "photographer" });

    parseXmlStrict(await readFile(path.join(out, "atom.xml"), "utf8"));
    const json = JSON.parse(await readFile(path.join(out, "feed.json"), "utf8"));
    expect(json.items).toHaveLength(items.length);
    // The raw-text sample, scraped-page style: title, date and credits derived from the text.
    const depot = json.items.find((item: { title: string }) => item.title.startsWith("Fire at the old tram depot"));
    expect(depot).toMatchObject({ date_published: "2026-04-14T00:00:00+02:00" });
    expect(depot.summary).toMatch(/^A fire broke out on Monday night/);
    expect(depot._feedwright.image_credits).toEqual([
      { caption: "Capt. Marek Zając at the scene on Tuesday morning", credit: "ANNA WÓJCIK / GAZETTE" },
      { caption: "The burnt-out roof of the engine hall seen from Kolejowa Street", credit: "TOMASZ KRÓL / GAZETTE" },
    ]);
    expect(depot.content_html).not.toMatch(/Advertisement|Source link|Must read/);
    const home = await readFile(path.join(out, "index.html"), "utf8");
    expect(home).toContain("application/rss+xml");
  });
});
