import type { Article, Person } from "../article.js";
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
  icon?: string;
  favicon?: string;
  language: string;
  authors: JsonFeedAuthor[];
  hubs?: Array<{ type: "WebSub"; url: string }>;
  items: JsonFeedItem[];
}

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

/** feedwright's JSON Feed extension: what JSON Feed has no field for. */
export interface FeedwrightExtension {
  about: string;
  image_credits: Array<{ caption: string | null; credit: string }>;
  main_image_credit: string | null;
  image_caption?: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  _feedwright?: FeedwrightExtension;
}

/**
 * Renders JSON Feed 1.1 with our own serialiser: the `feed` package writes version 1, one
 * author, and HTML in `summary`. Keys are written in a fixed order so output is byte-stable.
 * JSON can carry any text, but readers choke on lone surrogates and controls, so every string
 * gets the same cleaning as XML. Our (`large`) `logo` is JSON Feed's `icon`, our `icon` its `favicon`.
 */
export function renderJsonFeed(model: FeedModel): string {
  const feed: JsonFeed = {
    version: "https://jsonfeed.org/version/1.1",
    title: xmlSafe(model.title),
    home_page_url: model.homeUrl,
    feed_url: model.feedUrls.json,
    ...(model.description ? { description: xmlSafe(model.description) } : {}),
    ...(model.logo ? { icon: model.logo } : {}),
    ...(model.icon ? { favicon: model.icon } : {}),
    language: model.language,
    authors: [author(model.author)],
    ...(model.hub ? { hubs: [{ type: "WebSub" as const, url: model.hub }] } : {}),
    items: model.items.map((article) => item(article, model.generator.uri)),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function item(article: Article, about: string): JsonFeedItem {
  return {
    id: xmlSafe(article.id),
    url: article.url,
    title: xmlSafe(article.title),
    ...(article.summary ? { summary: xmlSafe(article.summary) } : {}),
    content_html: xmlSafe(article.contentHtml),
    ...(article.image ? { image: article.image.url } : {}),
    date_published: toRfc3339(article.published),
    date_modified: toRfc3339(article.updated ?? article.published),
    ...(article.authors.length > 0 ? { authors: article.authors.map(author) } : {}),
    ...(article.tags.length > 0 ? { tags: article.tags.map(xmlSafe) } : {}),
    ...(article.imageCredits.length > 0 || article.mainImageCredit || article.image?.caption
      ? {
          _feedwright: {
            about,
            image_credits: article.imageCredits.map((c) => ({ caption: c.caption === null ? null : xmlSafe(c.caption), credit: xmlSafe(c.credit) })),
            main_image_credit: article.mainImageCredit === null ? null : xmlSafe(article.mainImageCredit),
            ...(article.image?.caption ? { image_caption: xmlSafe(article.image.caption) } : {}),
          },
        }
      : {}),
  };
}

function author(person: Person): JsonFeedAuthor {
  return { name: xmlSafe(person.name), ...(person.url ? { url: person.url } : {}) };
}
