import type { Article } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { siteBase } from "../derive/site-base.js";
import { hashText } from "../pipeline/article-keys.js";
import { stableStringify } from "../publish/article-cache.js";
import { groupKey } from "./feed-groups.js";
import type { FeedLinks } from "./html/page-layout.js";
import { uniqueSlugs } from "./unique-slugs.js";
import { xmlSafe } from "./xml-safe.js";

/**
 * How an article's page is planned: its path, its input key and what it shows besides the
 * article. Shared by planSite (which plans every file) and the threads that render article
 * pages while deriving (prerender-page.ts), so that a page rendered ahead is recognised by
 * its key alone.
 */

/** Output file names of every feed, relative to its folder (the output folder, or `tags/<slug>/`). */
export const FEED_FILES = { rss: "rss.xml", atom: "atom.xml", json: "feed.json" } as const;

/** Folders of the per-tag and per-author feeds and pages, relative to the output folder. */
export const GROUP_FOLDERS = { tags: "tags/", authors: "authors/" } as const;

/** The folder of the archive: a listing page per year of publication, and one linking them. */
export const ARCHIVE_FOLDER = "archive/";

/** Permalinks of the site's own listing pages (the home page, the tag, author and archive indexes): no article may take them. */
export const SITE_PAGE_PERMALINKS: readonly string[] = ["/", ...Object.values(GROUP_FOLDERS).map((folder) => `/${folder}`), `/${ARCHIVE_FOLDER}`];

/** What every article page shows besides its article: the site's name, language, home page and feeds. */
export interface PageSite {
  title: string;
  language: string;
  homeUrl: string;
  feeds: FeedLinks;
}

/** The absolute URLs of the three feeds in `folder` ("" for the site's own), titled `title`. */
export function feedLinks(folder: string, base: string, title: string): FeedLinks {
  return {
    rss: new URL(folder + FEED_FILES.rss, base).href,
    atom: new URL(folder + FEED_FILES.atom, base).href,
    json: new URL(folder + FEED_FILES.json, base).href,
    title,
  };
}

/** The {@link PageSite} of a config. */
export function pageSiteOf(config: Pick<SiteConfig, "siteUrl" | "title" | "language">): PageSite {
  const base = siteBase(config.siteUrl);
  const title = xmlSafe(config.title);
  return { title, language: config.language, homeUrl: base, feeds: feedLinks("", base, title) };
}

/** The output path of an article's page, relative to the output folder. */
export function articlePagePath(article: Pick<Article, "permalink">): string {
  return `${article.permalink.slice(1)}index.html`;
}

/**
 * A function giving the input key of an article's page on `site`: equal keys give equal
 * bytes. `articleKey` stands for the article with its content (fields hash and content
 * hash), `tagUrls` for the page each of its (prepared) tags links to. The site's part is
 * hashed once: an incremental run computes a key for every page of the site.
 */
export function articlePageKeys(site: PageSite): (articleKey: string, tagUrls: Array<string | undefined>) => string {
  const siteKey = hashText(`page\0${stableStringify(site)}`);
  // JSON-quoting each tag URL keeps the joined list unambiguous (an undefined one is null).
  return (articleKey, tagUrls) => hashText(`${siteKey}\0${articleKey}\0${JSON.stringify(tagUrls)}`);
}

/** The URL of a tag group's page, given its slug. */
export function tagPageUrl(slug: string, base: string): string {
  return new URL(`${GROUP_FOLDERS.tags}${slug}/`, base).href;
}

/**
 * The tag page a tag most likely has, known from the tag alone: the slug it gets when no
 * other tag of the site slugs the same (unique-slugs.ts). A page rendered with it is kept
 * only when its key matches the one planned with every tag known.
 */
export function likelyTagUrl(tag: string, base: string): string | undefined {
  const key = groupKey(tag);
  if (key === "") return undefined;
  return tagPageUrl(uniqueSlugs([key], "tag").get(key) as string, base);
}
