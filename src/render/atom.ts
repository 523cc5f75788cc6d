import type { Article, Person } from "../article.js";
import type { FeedModel } from "./feed-model.js";
import { toRfc3339 } from "./format-dates.js";
import { imageType } from "./image-types.js";
import { mediaCredits } from "./media-credits.js";
import { escapeXml } from "./xml-safe.js";
import { el, serializeXml, type XmlElement, type XmlNode } from "./xml-writer.js";

const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
const MEDIA_NAMESPACE = "http://search.yahoo.com/mrss/";

/**
 * Renders Atom 1.0 (RFC 4287). The whole document's shape is in this one function.
 * Written with our own escaping XML writer rather than the `feed` package, whose Atom output
 * cannot carry extension elements (Media RSS credits), leaves `<` unescaped in attribute
 * values and marks plain titles as HTML; here titles are `type="text"` and escaped.
 */
export function renderAtom(model: FeedModel): string {
  const feed = el(
    "feed",
    { xmlns: ATOM_NAMESPACE, "xmlns:media": MEDIA_NAMESPACE, "xml:lang": model.language },
    el("id", {}, model.id),
    el("title", { type: "text" }, model.title),
    model.description && el("subtitle", { type: "text" }, model.description),
    el("updated", {}, toRfc3339(model.updated)),
    el("link", { rel: "alternate", type: "text/html", href: model.homeUrl }),
    el("link", { rel: "self", type: "application/atom+xml", href: model.feedUrls.atom }),
    model.hub && el("link", { rel: "hub", href: model.hub }),
    personElement("author", model.author),
    el("generator", { uri: model.generator.uri, version: model.generator.version }, model.generator.name),
    model.icon && el("icon", {}, model.icon),
    model.logo && el("logo", {}, model.logo),
    ...model.items.map(entryElement),
  );
  const instructions = model.stylesheetHref ? [`<?xml-stylesheet type="text/xsl" href="${escapeXml(model.stylesheetHref)}"?>`] : [];
  return serializeXml(feed, instructions);
}

function entryElement(article: Article): XmlElement {
  return el(
    "entry",
    {},
    el("id", {}, article.id),
    el("title", { type: "text" }, article.title),
    el("link", { rel: "alternate", type: "text/html", href: article.url }),
    el("published", {}, toRfc3339(article.published)),
    el("updated", {}, toRfc3339(article.updated ?? article.published)),
    ...article.authors.map((person) => personElement("author", person)),
    ...article.tags.map((tag) => el("category", { term: tag })),
    article.summary && el("summary", { type: "text" }, article.summary),
    el("content", { type: "html" }, article.contentHtml),
    ...mediaElements(article),
  );
}

/** Media RSS in Atom, as in RSS: the lead image with its credit and caption, then every other credit. */
function mediaElements(article: Article): XmlNode[] {
  const { lead, others } = mediaCredits(article);
  return [
    lead &&
      el(
        "media:content",
        { url: lead.url, medium: "image", type: imageType(lead.url) },
        lead.credit && el("media:credit", { role: "photographer" }, lead.credit),
        lead.caption && el("media:description", { type: "plain" }, lead.caption),
      ),
    ...others.map((credit) => el("media:credit", { role: "photographer" }, credit.credit)),
    ...others.filter((credit) => credit.caption).map((credit) => el("media:text", { type: "plain" }, credit.caption!)),
  ];
}

function personElement(name: string, person: Person): XmlElement {
  return el(
    name,
    {},
    el("name", {}, person.name),
    person.email && el("email", {}, person.email),
    person.url && el("uri", {}, person.url),
  );
}
