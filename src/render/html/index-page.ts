import { textParts } from "../../json-parts.js";
import type { ListedArticle } from "../prepare-article.js";
import { escapeXml } from "../xml-safe.js";
import { formatDisplayDate } from "./format-display-date.js";
import { renderPage, type FeedLinks } from "./page-layout.js";

/** A link to one year of the archive. */
export interface ArchiveLink {
  year: string;
  url: string;
  count: number;
}

/**
 * Renders a listing page (the home page, a year of the archive, or a tag's or author's page):
 * the articles given, each with its date and summary, links to the feeds, feed autodiscovery,
 * and, when `archive` is given, links to every year of the archive. `siteTitle` (the header
 * link back home) defaults to `title`. Returns the page as parts to be written one after
 * another.
 */
export function renderIndexPage(
  articles: ListedArticle[],
  site: { title: string; description: string; language: string; homeUrl: string; pageUrl: string; feeds: FeedLinks; siteTitle?: string; archive?: ArchiveLink[] },
): string[] {
  const items = articles.map((article) =>
    [
      "<li>",
      `<h2><a href="${escapeXml(article.url)}">${escapeXml(article.title)}</a></h2>`,
      `<p class="meta"><time datetime="${escapeXml(article.published)}">${formatDisplayDate(article.published)}</time></p>`,
      article.summary ? `<p>${escapeXml(article.summary)}</p>` : "",
      "</li>",
    ]
      .filter((part) => part !== "")
      .join("\n"),
  );
  const list = articles.length > 0 ? ['<ul class="articles">', ...items, "</ul>"] : site.archive?.length ? [] : ["<p>Nothing published yet.</p>"];
  const bodyLines = [
    "<main>",
    `<h1>${escapeXml(site.title)}</h1>`,
    site.description ? `<p>${escapeXml(site.description)}</p>` : "",
    `<p class="meta">Subscribe: <a href="${escapeXml(site.feeds.rss)}">RSS</a> · <a href="${escapeXml(site.feeds.atom)}">Atom</a> · <a href="${escapeXml(site.feeds.json)}">JSON Feed</a></p>`,
    ...list,
    site.archive && site.archive.length > 0
      ? `<nav class="archive"><h2>Archive</h2>\n<p>${site.archive.map((year) => `<a href="${escapeXml(year.url)}">${escapeXml(year.year)}</a> <span class="meta">(${year.count})</span>`).join(" · ")}</p></nav>`
      : "",
    "</main>",
  ].filter((part) => part !== "");
  const page = renderPage({
    title: site.title,
    language: site.language,
    canonicalUrl: site.pageUrl,
    siteTitle: site.siteTitle ?? site.title,
    homeUrl: site.homeUrl,
    feeds: site.feeds,
    body: BODY_MARK,
  });
  const [before, after] = page.split(BODY_MARK) as [string, string];
  // Parts, never one string: a listing of thousands of articles as one string lives in V8's
  // large-object space until a full collection (see json-parts.ts).
  return textParts([before + bodyLines[0], ...bodyLines.slice(1).map((line) => `\n${line}`), after]);
}

/** Stands for the body while the page around it is rendered; the escaping of every text keeps it out of the page itself. */
const BODY_MARK = "\u0000body\u0000";
