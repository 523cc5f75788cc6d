import { Feed } from "feed";
import type { Article } from "../article.js";
import type { FeedModel } from "./feed-model.js";
import { toRfc822 } from "./format-dates.js";
import { imageType } from "./image-types.js";
import { mediaCredits } from "./media-credits.js";
import { cdataSafeHtml, escapeXml, xmlSafe } from "./xml-safe.js";

/** Every namespace the RSS feed uses, declared once on `<rss>`. */
export const RSS_NAMESPACES: Readonly<Record<string, string>> = {
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:media": "http://search.yahoo.com/mrss/",
};

/** Where RSS 2.0 is specified, for the channel's `docs`. */
export const RSS_DOCS_URL = "https://www.rssboard.org/rss-specification";

/** Minutes a reader may cache the feed (`ttl`). */
export const RSS_TTL_MINUTES = 60;

/**
 * Renders RSS 2.0 with the `feed` package, guarded where it goes wrong
 * (see ../shared/reference/feed-library-pitfalls.md):
 * - text goes through `forText`, undoing xml-js's `&amp;` -> `&` step, so any text survives;
 *   attribute values through `forAttribute` (xml-js escapes only `"` in them);
 * - items are built from extensions that replace the library's own elements: the title as
 *   escaped text (not CDATA, which xml-js splits only once), `pubDate` with a numeric zone,
 *   `guid` with the right `isPermaLink`, `dc:creator` per author instead of a bare `<author>`,
 *   plain `category` elements, and Media RSS for the lead image and every image credit;
 * - HTML in `description` and `content:encoded` has every `]]>` escaped before CDATA wraps it;
 * - `lastBuildDate` comes from the newest item, never the clock;
 * - the root element is rewritten to declare every namespace once (the library declares
 *   `dc` only when some item has content, and has no option for others), and the
 *   stylesheet instruction is written here with an escaped `href`;
 * - no `copyright` is passed: the library writes none for an empty one, and we have none.
 */
export function renderRss(model: FeedModel): string {
  const feed = new Feed({
    title: forText(model.title),
    description: forText(model.description),
    id: model.id,
    link: model.homeUrl,
    language: model.language,
    ttl: RSS_TTL_MINUTES,
    docs: RSS_DOCS_URL,
    generator: forText(`${model.generator.name} ${model.generator.version}`),
    feedLinks: { rss: model.feedUrls.rss },
    ...(model.hub ? { hub: model.hub } : {}),
    ...(model.image ? { image: forText(model.image) } : {}),
  });
  feed.addExtension({ name: "lastBuildDate", objects: { _text: toRfc822(model.updated) } });

  for (const article of model.items) {
    feed.addItem({
      title: article.title,
      link: article.url,
      date: new Date(article.published),
      description: cdataSafeHtml(escapeXml(article.summary)),
      content: cdataSafeHtml(article.contentHtml),
      extensions: itemExtensions(article),
    });
  }
  const root = `<rss version="2.0"${Object.entries(RSS_NAMESPACES)
    .map(([name, uri]) => ` ${name}="${uri}"`)
    .join("")}>`;
  let xml = feed.rss2().replace(/<rss\b[^>]*>/, root);
  if (model.stylesheetHref) {
    const instruction = `<?xml-stylesheet type="text/xsl" href="${escapeXml(model.stylesheetHref)}"?>`;
    xml = xml.replace(/^(<\?xml[^>]*\?>)/, `$1\n${instruction}`);
  }
  return `${xml}\n`;
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
  const { lead, others } = mediaCredits(article);
  if (lead) {
    const type = imageType(lead.url);
    extensions.push({
      name: "media:content",
      objects: {
        _attributes: { url: forAttribute(lead.url), medium: "image", ...(type ? { type } : {}) },
        ...(lead.credit ? { "media:credit": { _attributes: { role: "photographer" }, _text: forText(lead.credit) } } : {}),
        ...(lead.caption ? { "media:description": { _attributes: { type: "plain" }, _text: forText(lead.caption) } } : {}),
      },
    });
  }
  if (others.length > 0) {
    extensions.push({
      name: "media:credit",
      objects: repeated(others.map((credit) => ({ _attributes: { role: "photographer" }, _text: forText(credit.credit) }))),
    });
    const captions = others.filter((credit) => credit.caption);
    if (captions.length > 0) {
      extensions.push({
        name: "media:text",
        objects: repeated(captions.map((credit) => ({ _attributes: { type: "plain" }, _text: forText(credit.caption!) }))),
      });
    }
  }
  return extensions;
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
