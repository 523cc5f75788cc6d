import type { Article, Person } from "../article.js";

/** Everything a feed renderer needs; renderers add nothing of their own but format. */
export interface FeedModel {
  title: string;
  description: string;
  language: string;
  /** The HTML page this feed belongs to (the site's home, or a tag's listing page). */
  homeUrl: string;
  /** Absolute URLs of the three feeds, each its own self link. */
  feedUrls: { rss: string; atom: string; json: string };
  /** A stable absolute URI identifying the feed (Atom `id`). */
  id: string;
  author: Person;
  /** Items newest first, already limited and prepared (prepare-article.ts). */
  items: Article[];
  /** Newest item's update or publication time (ISO 8601): never the clock, so output is byte-stable. */
  updated: string;
  generator: { name: string; version: string; uri: string };
  /** Absolute URLs of the configured channel image, small icon and wide logo. */
  image?: string;
  icon?: string;
  logo?: string;
  /** WebSub hub (config `hub`): linked with `rel="hub"` from RSS and Atom, `hubs` in JSON Feed. */
  hub?: string;
  /** The browser-view XSL stylesheet, relative to the feed file (`feed.xsl`, `../../feed.xsl`). */
  stylesheetHref?: string;
}

/** The `updated` value for a set of articles: the newest `updated ?? published`, or the epoch for none. */
export function newestDate(articles: Article[]): string {
  let newest: string | null = null;
  for (const article of articles) {
    const candidate = article.updated ?? article.published;
    if (newest === null || Date.parse(candidate) > Date.parse(newest)) newest = candidate;
  }
  return newest ?? "1970-01-01T00:00:00+00:00";
}
