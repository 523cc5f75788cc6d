import { escapeXml } from "../xml-safe.js";

/** Alternate links a page advertises for feed autodiscovery. */
export interface FeedLinks {
  rss: string;
  atom: string;
  json: string;
  title: string;
}

const STYLE = `
body{font:17px/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}
a{color:#0b5cad}header.site{margin-bottom:2rem;font-size:.95rem}h1{line-height:1.25}
.meta{color:#555;font-size:.9rem}figure{margin:1.5rem 0}figure img{max-width:100%;height:auto}
figcaption{color:#555;font-size:.85rem}.credit{text-transform:none;color:#777}
ul.articles{list-style:none;padding:0}ul.articles li{margin:0 0 1.5rem}pre{overflow:auto}
`.trim();

/**
 * The one HTML skeleton every page shares: a valid HTML5 document with the language,
 * a viewport, optional feed autodiscovery links and a short inline style sheet.
 */
export function renderPage(options: {
  title: string;
  language: string;
  canonicalUrl: string;
  siteTitle: string;
  homeUrl: string;
  feeds?: FeedLinks;
  body: string;
}): string {
  const feeds = options.feeds;
  const discovery = feeds
    ? [
        `<link rel="alternate" type="application/rss+xml" title="${escapeXml(feeds.title)} (RSS)" href="${escapeXml(feeds.rss)}">`,
        `<link rel="alternate" type="application/atom+xml" title="${escapeXml(feeds.title)} (Atom)" href="${escapeXml(feeds.atom)}">`,
        `<link rel="alternate" type="application/feed+json" title="${escapeXml(feeds.title)} (JSON Feed)" href="${escapeXml(feeds.json)}">`,
      ]
    : [];
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeXml(options.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(options.title)}</title>`,
    `<link rel="canonical" href="${escapeXml(options.canonicalUrl)}">`,
    ...discovery,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<header class="site"><a href="${escapeXml(options.homeUrl)}">${escapeXml(options.siteTitle)}</a></header>`,
    options.body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
