import type { Article } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { siteBase } from "../derive/derive-article.js";
import { GENERATOR } from "../version.js";
import { absoluteUrl } from "./absolute-url.js";
import { renderAtom } from "./atom.js";
import { groupArticles, groupKey, type FeedGroup } from "./feed-groups.js";
import { newestDate, type FeedModel } from "./feed-model.js";
import { FEED_XSL, FEED_XSL_FILE } from "./feed-xsl.js";
import { renderArticlePage } from "./html/article-page.js";
import { renderGroupIndexPage } from "./html/group-index-page.js";
import { renderIndexPage } from "./html/index-page.js";
import type { FeedLinks } from "./html/page-layout.js";
import { renderJsonFeed } from "./json-feed.js";
import { prepareArticle, preparePerson } from "./prepare-article.js";
import { renderRss } from "./rss.js";
import { xmlSafe } from "./xml-safe.js";

/** Output file names of every feed, relative to its folder (the output folder, or `tags/<slug>/`). */
export const FEED_FILES = { rss: "rss.xml", atom: "atom.xml", json: "feed.json" } as const;

/** Folders of the per-tag and per-author feeds and pages, relative to the output folder. */
export const GROUP_FOLDERS = { tags: "tags/", authors: "authors/" } as const;

/**
 * Renders every output file: the three site feeds over `feedItems`, the home page listing
 * `published`, one page per published article at `<permalink>index.html`, per-tag feeds and
 * pages under `tags/` (and per-author ones under `authors/` when `authorFeeds` is on), and the
 * browser-view stylesheet `feed.xsl`. Each article is prepared (sanitised, made absolute,
 * given its stable id) once here and shared by every format.
 * Returns relative path -> content; nothing is written here.
 */
export function renderSite(config: SiteConfig, published: Article[], feedItems: Article[]): Map<string, string> {
  const base = siteBase(config.siteUrl);
  const prepared = new Map(published.map((article) => [article, prepareArticle(article, config)]));
  const ready = (article: Article): Article => prepared.get(article) ?? prepareArticle(article, config);
  const pages = published.map(ready);
  const site = { title: xmlSafe(config.title), language: config.language, homeUrl: base };
  const shared = {
    language: config.language,
    author: preparePerson(config.author),
    generator: GENERATOR,
    ...(config.hub ? { hub: config.hub } : {}),
    ...optionalUrl("image", config.image, base),
    ...optionalUrl("icon", config.icon, base),
    ...optionalUrl("logo", config.logo, base),
  };
  const files = new Map<string, string>();

  /** Adds the three feeds of one folder ("" for the site's own) and returns their links. */
  const addFeeds = (folder: string, title: string, description: string, homeUrl: string, items: Article[]): FeedLinks => {
    const feedUrls = {
      rss: new URL(folder + FEED_FILES.rss, base).href,
      atom: new URL(folder + FEED_FILES.atom, base).href,
      json: new URL(folder + FEED_FILES.json, base).href,
    };
    const model: FeedModel = {
      ...shared,
      title,
      description,
      homeUrl,
      feedUrls,
      id: homeUrl,
      items,
      updated: newestDate(items),
      stylesheetHref: "../".repeat(folder.split("/").filter(Boolean).length) + FEED_XSL_FILE,
    };
    files.set(folder + FEED_FILES.rss, renderRss(model));
    files.set(folder + FEED_FILES.atom, renderAtom(model));
    files.set(folder + FEED_FILES.json, renderJsonFeed(model));
    return { ...feedUrls, title };
  };

  const tagGroups = groupArticles(pages, (article) => article.tags, "tag");
  const tagPages = new Map(tagGroups.map((group) => [groupKey(group.name), new URL(`${GROUP_FOLDERS.tags}${group.slug}/`, base).href]));
  const tagUrl = (tag: string): string | undefined => tagPages.get(groupKey(tag));

  const feeds = addFeeds("", site.title, xmlSafe(config.description), base, feedItems.map(ready));
  files.set(FEED_XSL_FILE, FEED_XSL);
  for (const article of pages) {
    files.set(`${article.permalink.slice(1)}index.html`, renderArticlePage(article, { ...site, feeds, tagUrl }));
  }
  files.set("index.html", renderIndexPage(pages, { ...site, description: xmlSafe(config.description), pageUrl: base, feeds }));

  /** Feeds and a listing page per group, and the page listing every group. */
  const addGroups = (folder: string, groups: FeedGroup[], heading: string, describe: (name: string) => string): void => {
    const links = groups.map((group) => {
      const groupFolder = `${folder}${group.slug}/`;
      const pageUrl = new URL(groupFolder, base).href;
      const title = `${site.title}: ${group.name}`;
      const groupFeeds = addFeeds(groupFolder, title, describe(group.name), pageUrl, group.articles.slice(0, config.feedLimit));
      files.set(
        `${groupFolder}index.html`,
        renderIndexPage(group.articles, { ...site, title, siteTitle: site.title, description: describe(group.name), pageUrl, feeds: groupFeeds }),
      );
      return { name: group.name, pageUrl, feeds: groupFeeds, count: group.articles.length };
    });
    files.set(`${folder}index.html`, renderGroupIndexPage(links, { ...site, title: heading, siteTitle: site.title, pageUrl: new URL(folder, base).href }));
  };

  addGroups(GROUP_FOLDERS.tags, tagGroups, "Tags", (name) => `Articles tagged “${name}” on ${site.title}.`);
  if (config.authorFeeds) {
    addGroups(
      GROUP_FOLDERS.authors,
      groupArticles(pages, (article) => article.authors.map((person) => person.name), "author"),
      "Authors",
      (name) => `Articles by ${name} on ${site.title}.`,
    );
  }
  return files;
}

/** `{ key: absolute URL }` for a configured image, or nothing when unset or not http(s). */
function optionalUrl<K extends string>(key: K, value: string | undefined, base: string): Partial<Record<K, string>> {
  const url = value ? absoluteUrl(value, base) : null;
  return url ? ({ [key]: url } as Record<K, string>) : {};
}
