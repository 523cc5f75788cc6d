import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { makeFixture } from "../helpers/fixture.js";

const NOW = "2024-06-01T00:00:00Z";
const article = (version: string) => `---\ntitle: Story ${version}\ndate: 2024-01-02T10:00:00Z\n---\nBody of version ${version}.\n`;

async function site(): Promise<string> {
  return makeFixture({
    "feedwright.config.json": JSON.stringify({ title: "Pending", siteUrl: "https://pending.example/", timeZone: "UTC" }),
    "articles/story.md": article("one"),
    "articles/other.md": "---\ntitle: Other\ndate: 2024-01-01T10:00:00Z\n---\nStays.\n",
  });
}

const itemTitles = async (dir: string) => {
  const feed = parseFeed(await readFile(path.join(dir, "out", "rss.xml"), "utf8"));
  return (feed.feed as { items?: Array<{ title?: string }> }).items?.map((item) => item.title);
};

describe("a published article caught mid-rewrite", () => {
  it("stays published as it was until its new version settles, then is replaced", async () => {
    const dir = await site();
    const page = path.join(dir, "out", "2024", "01", "02", "story", "index.html");
    await build({ cwd: dir, now: NOW });
    expect(await readFile(page, "utf8")).toContain("Body of version one.");

    // Rewritten just now: within the settle time it counts as still being written.
    await writeFile(path.join(dir, "articles", "story.md"), article("two"));
    const written = (await stat(path.join(dir, "articles", "story.md"))).mtimeMs;
    const during = await build({ cwd: dir, now: NOW, clock: () => written + 500 });
    expect(during.pending.map((item) => item.file)).toEqual(["story.md"]);
    expect(during.files.removed).toEqual([]);
    expect(during.published).toEqual(["story.md", "other.md"]);
    expect(await readFile(page, "utf8")).toContain("Body of version one.");
    expect(await itemTitles(dir)).toEqual(["Story one", "Other"]);

    const after = await build({ cwd: dir, now: NOW, clock: () => written + 60_000 });
    expect(after.pending).toEqual([]);
    expect(await readFile(page, "utf8")).toContain("Body of version two.");
    expect(await itemTitles(dir)).toEqual(["Story two", "Other"]);
  });

  it("keeps its last version when the new one is cut off mid-write (front matter never closed)", async () => {
    const dir = await site();
    await build({ cwd: dir, now: NOW });
    await writeFile(path.join(dir, "articles", "story.md"), "---\ntitle: Story th");
    const written = (await stat(path.join(dir, "articles", "story.md"))).mtimeMs;
    // Past the settle time but within the grace for incomplete files: derived, found unclosed, held back.
    const during = await build({ cwd: dir, now: NOW, clock: () => written + 5_000 });
    expect(during.pending.map((item) => item.file)).toEqual(["story.md"]);
    expect(during.files.removed).toEqual([]);
    expect(await itemTitles(dir)).toEqual(["Story one", "Other"]);
  });
});
