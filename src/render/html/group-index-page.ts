import { escapeXml } from "../xml-safe.js";
import { renderPage } from "./page-layout.js";

/** One entry of a tags or authors listing. */
export interface GroupLink {
  name: string;
  /** Absolute URL of the group's page. */
  pageUrl: string;
  /** Absolute URLs of the group's feeds. */
  feeds: { rss: string; atom: string; json: string };
  count: number;
}

/** Renders the page listing every tag (or author): each with its article count and its three feeds. */
export function renderGroupIndexPage(
  groups: GroupLink[],
  page: { title: string; siteTitle: string; language: string; homeUrl: string; pageUrl: string },
): string {
  const items = groups.map(
    (group) =>
      `<li><a href="${escapeXml(group.pageUrl)}">${escapeXml(group.name)}</a> <span class="meta">(${group.count}) · ` +
      `<a href="${escapeXml(group.feeds.rss)}">RSS</a> · <a href="${escapeXml(group.feeds.atom)}">Atom</a> · <a href="${escapeXml(group.feeds.json)}">JSON Feed</a></span></li>`,
  );
  const body = [
    "<main>",
    `<h1>${escapeXml(page.title)}</h1>`,
    items.length > 0 ? `<ul class="articles">\n${items.join("\n")}\n</ul>` : "<p>None yet.</p>",
    "</main>",
  ].join("\n");
  return renderPage({
    title: `${page.title} – ${page.siteTitle}`,
    language: page.language,
    canonicalUrl: page.pageUrl,
    siteTitle: page.siteTitle,
    homeUrl: page.homeUrl,
    body,
  });
}
