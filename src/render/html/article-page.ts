import type { Article } from "../../article.js";
import { absoluteUrl } from "../absolute-url.js";
import { escapeXml } from "../xml-safe.js";
import { formatDisplayDate } from "./format-display-date.js";
import { renderPage, type FeedLinks } from "./page-layout.js";

/** Renders an article's own page: title, date, authors, lead image with caption and credit, body, tags (linked to their pages when `tagUrl` knows them). */
export function renderArticlePage(
  article: Article,
  site: { title: string; language: string; homeUrl: string; feeds: FeedLinks; tagUrl?: (tag: string) => string | undefined },
): string {
  const authors = article.authors.map((person) => escapeXml(person.name)).join(", ");
  const imageUrl = article.image ? absoluteUrl(article.image.url, site.homeUrl) : null;
  const figure =
    article.image && imageUrl
      ? [
          "<figure>",
          `<img src="${escapeXml(imageUrl)}" alt="${escapeXml(article.image.alt ?? article.image.caption ?? "")}">`,
          article.image.caption || article.image.credit
            ? `<figcaption>${escapeXml(article.image.caption ?? "")}${article.image.credit ? ` <small class="credit">${escapeXml(article.image.credit)}</small>` : ""}</figcaption>`
            : "",
          "</figure>",
        ].join("\n")
      : "";
  const tags =
    article.tags.length > 0
      ? `<p class="meta">Tags: ${article.tags
          .map((tag) => {
            const url = site.tagUrl?.(tag);
            return url ? `<a href="${escapeXml(url)}">${escapeXml(tag)}</a>` : escapeXml(tag);
          })
          .join(", ")}</p>`
      : "";
  const body = [
    "<main>",
    "<article>",
    `<h1>${escapeXml(article.title)}</h1>`,
    `<p class="meta"><time datetime="${escapeXml(article.published)}">${formatDisplayDate(article.published)}</time>${authors ? ` · ${authors}` : ""}</p>`,
    figure,
    article.contentHtml,
    tags,
    "</article>",
    "</main>",
  ]
    .filter((part) => part !== "")
    .join("\n");
  return renderPage({
    title: `${article.title} – ${site.title}`,
    language: site.language,
    canonicalUrl: article.url,
    siteTitle: site.title,
    homeUrl: site.homeUrl,
    feeds: site.feeds,
    body,
  });
}
