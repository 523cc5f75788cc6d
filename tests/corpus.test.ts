import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/index.js";
import { makeFixture, sharedDir } from "./helpers/fixture.js";

/**
 * Real posts from public Jekyll, Hugo and Astro sites (../shared/corpus/markdown), with
 * hand-checked labels. Read in place, never copied: the texts belong to their authors.
 */
const corpusDir = path.join(sharedDir, "corpus", "markdown");
const present = existsSync(path.join(corpusDir, "labels.json"));

interface Label {
  file: string;
  title: string;
  title_alternatives?: string[];
  date: string;
  summary_first_sentence: string;
  summary_first_sentence_plain?: string;
  summary_alternatives?: string[];
  image_credits: Array<{ caption: string | null; credit: string }>;
  main_photo_credit: string | null;
  author: string | null;
}

interface JsonItem {
  url: string;
  title: string;
  summary?: string;
  date_published: string;
  authors?: Array<{ name: string }>;
  _feedwright?: { image_credits: Array<{ caption: string | null; credit: string }>; main_image_credit: string | null };
}

/** Plain, whitespace-collapsed text of a label written in Markdown, for comparison. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

describe.skipIf(!present)("real-world Markdown corpus (../shared/corpus/markdown)", async () => {
  const labels: Label[] = present ? JSON.parse(await readFile(path.join(corpusDir, "labels.json"), "utf8")) : [];

  async function publishCorpus(): Promise<Map<string, JsonItem>> {
    const dir = await makeFixture();
    const summary = await build({
      cwd: dir,
      articlesDir: corpusDir,
      outDir: path.join(dir, "out"),
      config: { siteUrl: "https://corpus.example/", timeZone: "UTC", feedLimit: 100, author: { name: "Site Owner" } },
      now: "2030-01-01T00:00:00Z",
    });
    expect(summary.skipped).toEqual([]);
    expect(summary.published).toHaveLength(labels.length);
    const feed = JSON.parse(await readFile(path.join(dir, "out", "feed.json"), "utf8")) as { items: JsonItem[] & Array<{ content_html: string }> };
    // Jekyll posts build image URLs with Liquid tags; none may reach the feed unexpanded outside code.
    for (const item of feed.items) {
      expect(item.content_html.replace(/<code>[\s\S]*?<\/code>/g, ""), item.url).not.toMatch(/\{\{\s*(?:site\.|["'][^"']*["']\s*\|\s*(?:relative|absolute)_url)/);
    }
    const bySource = new Map<string, JsonItem>();
    // Items are newest first; so are the published source paths.
    summary.published.forEach((file, index) => bySource.set(file, feed.items[index]!));
    return bySource;
  }

  it("publishes every labelled post with its title, date, author, summary and image credits", async () => {
    const items = await publishCorpus();
    for (const label of labels) {
      const item = items.get(label.file);
      expect(item, label.file).toBeDefined();
      if (!item) continue;
      expect([label.title, ...(label.title_alternatives ?? [])], label.file).toContain(item.title);

      if (/^\d{4}-\d{2}-\d{2}$/.test(label.date)) {
        expect(item.date_published.slice(0, 10), label.file).toBe(label.date);
      } else {
        expect(Date.parse(item.date_published), label.file).toBe(Date.parse(label.date));
        expect(item.date_published, label.file).toBe(label.date);
      }

      const author = item.authors?.[0]?.name;
      expect(author, label.file).toBe(label.author ?? "Site Owner");

      const accepted = [label.summary_first_sentence_plain ?? label.summary_first_sentence, ...(label.summary_alternatives ?? [])].map(plain);
      const summary = plain(item.summary ?? "");
      expect(
        accepted.some((candidate) => summary.startsWith(candidate) || candidate.startsWith(summary)),
        `${label.file}: summary "${summary}" matches none of ${JSON.stringify(accepted)}`,
      ).toBe(true);

      const credits = item._feedwright?.image_credits ?? [];
      expect(credits.map((c) => c.credit), label.file).toEqual(label.image_credits.map((c) => c.credit));
      label.image_credits.forEach((expected, index) => {
        if (expected.caption !== null) expect(credits[index]?.caption, label.file).toBe(expected.caption);
      });
      expect(item._feedwright?.main_image_credit ?? null, label.file).toBe(label.main_photo_credit);
    }
  });
});
