import type { Article } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { siteBase } from "../derive/derive-article.js";
import { GENERATOR } from "../version.js";
import { renderAtom } from "./atom.js";
import { newestDate, type FeedModel } from "./feed-model.js";
import { renderArticlePage } from "./html/article-page.js";
import { renderIndexPage } from "./html/index-page.js";
import type { FeedLinks } from "./html/page-layout.js";
import { renderJsonFeed } from "./json-feed.js";
import { renderRss } from "./rss.js";

/** Output file names of the site-wide feeds, relative to the output folder. */
export const FEED_FILES = { rss: "rss.xml", atom: "atom.xml", json: "feed.json" } as const;

/**
 * Renders every output file: the three feeds over `feedItems`, the home page listing
 * `published`, and one page per published article at `<permalink>index.html`.
 * Returns relative path -> content; nothing is written here.
 */
export function renderSite(config: SiteConfig, published: Article[], feedItems: Article[]): Map<string, string> {
  const base = siteBase(config.siteUrl);
  const feedUrls = {
    rss: new URL(FEED_FILES.rss, base).href,
    atom: new URL(FEED_FILES.atom, base).href,
    json: new URL(FEED_FILES.json, base).href,
  };
  const feeds: FeedLinks = { ...feedUrls, title: config.title };
  const model: FeedModel = {
    title: config.title,
    description: config.description,
    language: config.language,
    homeUrl: base,
    feedUrls,
    id: base,
    author: config.author,
    items: feedItems,
    updated: newestDate(feedItems),
    generator: GENERATOR,
  };

  const files = new Map<string, string>();
  const site = { title: config.title, language: config.language, homeUrl: base, feeds };
  for (const article of published) {
    files.set(`${article.permalink.slice(1)}index.html`, renderArticlePage(article, site));
  }
  files.set("index.html", renderIndexPage(published, { ...site, description: config.description, pageUrl: base }));
  files.set(FEED_FILES.rss, renderRss(model));
  files.set(FEED_FILES.atom, renderAtom(model));
  files.set(FEED_FILES.json, renderJsonFeed(model));
  return files;
}
