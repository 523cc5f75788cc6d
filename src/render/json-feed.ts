import type { Article, Person } from "../article.js";
import { absoluteUrl } from "./absolute-url.js";
import type { FeedModel } from "./feed-model.js";
import { toRfc3339 } from "./format-dates.js";
import { xmlSafe } from "./xml-safe.js";

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), typed as we write it. */
export interface JsonFeed {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html: string;
  image?: string;
  date_published: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  _feedwright?: { image_credits: Array<{ caption: string | null; credit: string }>; main_image_credit: string | null };
}

/**
 * Renders JSON Feed 1.1 with our own serialiser: the `feed` package writes version 1, one
 * author, and HTML in `summary`. Keys are written in a fixed order so output is byte-stable.
 */
export function renderJsonFeed(model: FeedModel): string {
  const feed: JsonFeed = {
    version: "https://jsonfeed.org/version/1.1",
    title: clean(model.title),
    home_page_url: model.homeUrl,
    feed_url: model.feedUrls.json,
    ...(model.description ? { description: clean(model.description) } : {}),
    language: model.language,
    authors: [author(model.author)],
    items: model.items.map(item),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function item(article: Article): JsonFeedItem {
  const image = article.image ? absoluteUrl(article.image.url, new URL("/", article.url).href) : null;
  return {
    id: clean(article.id),
    url: article.url,
    title: clean(article.title),
    ...(article.summary ? { summary: clean(article.summary) } : {}),
    content_html: clean(article.contentHtml),
    ...(image ? { image } : {}),
    date_published: toRfc3339(article.published),
    ...(article.updated ? { date_modified: toRfc3339(article.updated) } : {}),
    ...(article.authors.length > 0 ? { authors: article.authors.map(author) } : {}),
    ...(article.tags.length > 0 ? { tags: article.tags.map(clean) } : {}),
    ...(article.imageCredits.length > 0 || article.mainImageCredit
      ? {
          _feedwright: {
            image_credits: article.imageCredits.map((c) => ({ caption: c.caption === null ? null : clean(c.caption), credit: clean(c.credit) })),
            main_image_credit: article.mainImageCredit === null ? null : clean(article.mainImageCredit),
          },
        }
      : {}),
  };
}

function author(person: Person): JsonFeedAuthor {
  const url = person.url ? absoluteUrl(person.url, "https://invalid.invalid/") : null;
  return { name: clean(person.name), ...(url && !url.startsWith("https://invalid.invalid/") ? { url } : {}) };
}

/** JSON can carry any text, but readers choke on lone surrogates and controls: same rule as XML. */
function clean(text: string): string {
  return xmlSafe(text);
}
