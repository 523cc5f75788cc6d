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
  articles: Iterable<ListedArticle>,
  site: { title: string; description: string; language: string; homeUrl: string; pageUrl: string; feeds: FeedLinks; siteTitle?: string; archive?: ArchiveLink[] },
): string[] {
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
  function* lines(): Generator<string> {
    yield `${before}<main>`;
    yield `\n<h1>${escapeXml(site.title)}</h1>`;
    if (site.description) yield `\n<p>${escapeXml(site.description)}</p>`;
    yield `\n<p class="meta">Subscribe: <a href="${escapeXml(site.feeds.rss)}">RSS</a> · <a href="${escapeXml(site.feeds.atom)}">Atom</a> · <a href="${escapeXml(site.feeds.json)}">JSON Feed</a></p>`;
    let listed = false;
    for (const article of articles) {
      if (!listed) yield '\n<ul class="articles">';
      listed = true;
      yield `\n${renderItem(article)}`;
    }
    if (listed) yield "\n</ul>";
    else if (!site.archive?.length) yield "\n<p>Nothing published yet.</p>";
    if (site.archive && site.archive.length > 0) {
      const years = site.archive.map((year) => `<a href="${escapeXml(year.url)}">${escapeXml(year.year)}</a> <span class="meta">(${year.count})</span>`);
      yield `\n<nav class="archive"><h2>Archive</h2>\n<p>${years.join(" · ")}</p></nav>`;
    }
    yield `\n</main>${after}`;
  }
  // Parts, never one string, and each entry let go as soon as it is in a part: a listing of
  // thousands of articles as one string (or as an array of entries) outlived the young
  // generation, and on a 100,000-article site such listings were most of a build's memory.
  return textParts(lines());
}

function renderItem(article: ListedArticle): string {
  const summary = article.summary ? `\n<p>${escapeXml(article.summary)}</p>` : "";
  return (
    `<li>\n<h2><a href="${escapeXml(article.url)}">${escapeXml(article.title)}</a></h2>` +
    `\n<p class="meta"><time datetime="${escapeXml(article.published)}">${formatDisplayDate(article.published)}</time></p>${summary}\n</li>`
  );
}

/** Stands for the body while the page around it is rendered; the escaping of every text keeps it out of the page itself. */
const BODY_MARK = "\u0000body\u0000";
