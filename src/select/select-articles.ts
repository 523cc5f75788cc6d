import type { Article } from "../article.js";
import { sortNewestFirst } from "./sort-articles.js";

export interface SelectOptions {
  /** The clock, as epoch milliseconds: articles dated after it are scheduled, not published. */
  now: number;
  includeDrafts: boolean;
  includeFuture: boolean;
  /** How many of the newest articles the feeds carry. */
  feedLimit: number;
}

export interface Selection {
  /** Every article that gets a page, newest first. */
  published: Article[];
  /** The newest `feedLimit` of those: what the feeds carry. */
  feedItems: Article[];
  drafts: Article[];
  /** Dated after `now`: held back until a later run. */
  scheduled: Article[];
}

/** Why an article is held back this run: a draft, scheduled (dated after `now`), or not at all. */
export function holdBack(article: Article, options: Omit<SelectOptions, "feedLimit">): "draft" | "scheduled" | null {
  if (article.draft && !options.includeDrafts) return "draft";
  if (Date.parse(article.published) > options.now && !options.includeFuture) return "scheduled";
  return null;
}

/** Decides what publishes now: drafts and future-dated articles are held back unless asked for. */
export function selectArticles(articles: Article[], options: SelectOptions): Selection {
  const published: Article[] = [];
  const drafts: Article[] = [];
  const scheduled: Article[] = [];
  for (const article of articles) {
    const held = holdBack(article, options);
    if (held === "draft") drafts.push(article);
    else if (held === "scheduled") scheduled.push(article);
    else published.push(article);
  }
  const newestFirst = sortNewestFirst(published);
  return { published: newestFirst, feedItems: newestFirst.slice(0, options.feedLimit), drafts, scheduled };
}
