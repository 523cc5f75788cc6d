import { Feed } from "feed";
import type { Article } from "../article.js";
import { absoluteUrl } from "./absolute-url.js";
import type { FeedModel } from "./feed-model.js";
import { toRfc822 } from "./format-dates.js";
import { cdataSafeHtml, escapeXml, xmlSafe } from "./xml-safe.js";

const MEDIA_NAMESPACE = "http://search.yahoo.com/mrss/";

/**
 * Renders RSS 2.0 with the `feed` package, guarded where it goes wrong
 * (see ../shared/reference/feed-library-pitfalls.md):
 * - text goes through `forText`, undoing xml-js's `&amp;` -> `&` step, so any text survives;
 * - items are built from extensions that replace the library's own elements: the title as
 *   escaped text (not CDATA, which xml-js splits only once), `pubDate` with a numeric zone,
 *   `guid` with the right `isPermaLink`, `dc:creator` per author instead of a bare `<author>`,
 *   plain `category` elements, and Media RSS for the lead image and its credit;
 * - `lastBuildDate` comes from the newest item, never the clock;
 * - the Media RSS namespace is declared on the root, which the library has no option for.
 */
export function renderRss(model: FeedModel): string {
  const feed = new Feed({
    title: forText(model.title),
    description: forText(model.description),
    id: model.id,
    link: model.homeUrl,
    language: model.language,
    ttl: 60,
    generator: `${model.generator.name} ${model.generator.version}`,
    feedLinks: { rss: model.feedUrls.rss },
    copyright: "",
  });
  feed.addExtension({ name: "lastBuildDate", objects: { _text: toRfc822(model.updated) } });

  for (const article of model.items) {
    feed.addItem({
      title: article.title,
      link: article.url,
      date: new Date(article.published),
      description: cdataSafeHtml(escapeXmlText(article.summary)),
      content: cdataSafeHtml(article.contentHtml),
      extensions: itemExtensions(article),
    });
  }
  const xml = feed.rss2();
  return xml.replace(/^(<rss version="2.0")/m, `$1 xmlns:media="${MEDIA_NAMESPACE}"`) + "\n";
}

/** The library types `objects` as a record; xml-js also takes a list (repeated elements). */
type Extension = { name: string; objects: Record<string, unknown> };

function itemExtensions(article: Article): Extension[] {
  const extensions: Extension[] = [
    { name: "title", objects: { _text: forText(article.title) } },
    { name: "pubDate", objects: { _text: toRfc822(article.published) } },
    {
      name: "guid",
      objects: { _text: forText(article.id), _attributes: { isPermaLink: String(article.id === article.url) } },
    },
  ];
  if (article.authors.length > 0) {
    extensions.push({ name: "dc:creator", objects: repeated(article.authors.map((person) => ({ _text: forText(person.name) }))) });
  }
  if (article.tags.length > 0) {
    extensions.push({ name: "category", objects: repeated(article.tags.map((tag) => ({ _text: forText(tag) }))) });
  }
  const media = mediaElements(article);
  if (media.content) extensions.push({ name: "media:content", objects: media.content as Record<string, unknown> });
  if (media.credits.length > 0) extensions.push({ name: "media:credit", objects: repeated(media.credits) });
  return extensions;
}

/** Media RSS: the lead image as `media:content` with its credit and caption; other credits on the item. */
function mediaElements(article: Article): { content?: unknown; credits: unknown[] } {
  const credits: unknown[] = [];
  let content: unknown;
  const imageUrl = article.image ? absoluteUrl(article.image.url, new URL("/", article.url).href) : null;
  if (article.image && imageUrl) {
    content = {
      _attributes: { url: forAttribute(imageUrl), medium: "image" },
      ...(article.image.credit ? { "media:credit": { _attributes: { role: "photographer" }, _text: forText(article.image.credit) } } : {}),
      ...(article.image.caption ? { "media:description": { _attributes: { type: "plain" }, _text: forText(article.image.caption) } } : {}),
    };
  }
  for (const credit of article.imageCredits) {
    if (imageUrl && article.image?.credit === credit.credit && article.image.caption === credit.caption) continue;
    credits.push({ _attributes: { role: "photographer" }, _text: forText(credit.credit) });
  }
  return { content, credits };
}

function repeated(list: unknown[]): Record<string, unknown> {
  return list as unknown as Record<string, unknown>;
}

/** xml-js turns `&amp;` into `&` before escaping; doubling every `&` first makes any text survive. */
function forText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;");
}

/** xml-js escapes only `"` in attributes: escape the rest here (it keeps our entities). */
function forAttribute(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Plain text as HTML for a `description`: markup characters escaped, so readers show it as written. */
function escapeXmlText(text: string): string {
  return escapeXml(text);
}
