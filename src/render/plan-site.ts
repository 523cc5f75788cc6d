import type { Article } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { siteBase } from "../derive/site-base.js";
import { fieldsHash, hashText } from "../pipeline/article-keys.js";
import { stableStringify } from "../publish/article-cache.js";
import { GENERATOR } from "../version.js";
import { absoluteUrl } from "./absolute-url.js";
import { ARCHIVE_FOLDER, articlePageKeys, articlePagePath, FEED_FILES, feedLinks, GROUP_FOLDERS, tagPageUrl } from "./article-page-plan.js";
import { renderAtom } from "./atom.js";
import { groupArticles, groupKey, type FeedGroup } from "./feed-groups.js";
import { newestDate, type FeedModel } from "./feed-model.js";
import { FEED_XSL, FEED_XSL_FILE } from "./feed-xsl.js";
import { renderArticlePage } from "./html/article-page.js";
import { renderGroupIndexPage } from "./html/group-index-page.js";
import { renderIndexPage, type ArchiveLink } from "./html/index-page.js";
import type { FeedLinks } from "./html/page-layout.js";
import { renderJsonFeed } from "./json-feed.js";
import { prepareArticle, prepareListing, preparePerson, prepareTags, type ListedArticle } from "./prepare-article.js";
import { renderRss } from "./rss.js";
import { xmlSafe } from "./xml-safe.js";

export { ARCHIVE_FOLDER, FEED_FILES, GROUP_FOLDERS };

/** What listing pages show of `articles`, prepared one at a time as the page is written. */
function* listings(articles: Article[]): Generator<ListedArticle> {
  for (const article of articles) yield prepareListing(article);
}


/**
 * The published articles by year of publication as their dates are written (in the date's
 * own offset), newest year first, each year's articles in the order given.
 */
function archiveYears(articles: Article[]): Map<string, Article[]> {
  const byYear = new Map<string, Article[]>();
  for (const article of articles) {
    const year = article.published.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(article);
    else byYear.set(year, [article]);
  }
  return new Map([...byYear].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)));
}

export { fieldsHash, hashText };

/** Where article content comes from: articles served by the cache carry none until it is loaded. */
export interface ContentSource {
  /** SHA-256 of the article's content HTML (before sanitising). */
  hashOf(article: Article): string;
  /** {@link fieldsHash} of the article when already known (the cache keeps it), else undefined. */
  fieldsHashOf?(article: Article): string | undefined;
  /**
   * The article's content HTML sanitised for publishing (sanitize-content.ts, against the
   * article's final `url`); only called for articles in a planned file's `needs`.
   */
  contentOf(article: Article): string;
}

/** What a feed shows besides its items: plain data, so the build state can keep it and a later run plan the feed again (patch-run.ts). */
export interface FeedSpec {
  /** The feed's folder relative to the output folder: "" for the site's own, else `tags/<slug>/` or `authors/<slug>/`. */
  folder: string;
  title: string;
  description: string;
  homeUrl: string;
}

/** Plans files one at a time; {@link planSite} plans a whole site with it, a content-only edit the few files that show the edited articles. */
export interface SitePlanner {
  /** Every file planned so far, by path relative to the output folder. */
  files: Map<string, PlannedFile>;
  /** Plans the three feeds of `spec.folder` over `items` (newest first) and returns their links. */
  planFeeds(spec: FeedSpec, items: Article[]): FeedLinks;
  /** Plans an article's page, each of its prepared tags linking to `tagUrl(tag)`. */
  planPage(article: Article, tagUrl: (tag: string) => string | undefined): void;
  /** Plans the home page, listing `newest` and linking to the archive's years. */
  planHome(newest: Article[], archive: ArchiveLink[]): void;
  /** Plans the archive page of `year`, listing its articles, and (with `archive`) the archive's own page. */
  planYear(year: string, articles: Article[]): void;
  planArchiveIndex(archive: ArchiveLink[]): void;
  /** The archive's links: a year, newest first, and how many articles it has. */
  archiveLinks(years: Iterable<[string, number]>): ArchiveLink[];
  /** Plans one group's feeds (over its newest `feedLimit` articles) and listing page; returns its entry for the group index. */
  planGroup(kind: GroupKind, group: FeedGroup): GroupLink;
  /** A group's entry on its kind's index page, planning nothing. */
  groupLink(kind: GroupKind, group: { name: string; slug: string; count: number }): GroupLink;
  /** Plans the page listing every group of a kind. */
  planGroupIndex(kind: GroupKind, links: GroupLink[]): void;
}

/** How a site is laid out: the archive's years and the tag groups, each with its articles newest first. */
export interface SiteOutline {
  /** Newest year first. */
  years: Map<string, Article[]>;
  /** Sorted by slug. */
  tags: FeedGroup[];
}

/** Per-tag and per-author groups. */
export type GroupKind = keyof typeof GROUP_FOLDERS;

/** A group's entry on its kind's index page. */
export interface GroupLink {
  name: string;
  pageUrl: string;
  feeds: FeedLinks;
  count: number;
}

/** One output file, not rendered yet. */
export interface PlannedFile {
  /**
   * SHA-256 over everything the file is rendered from (with content by its hash): equal keys
   * give equal bytes, so a file whose key is unchanged need not be rendered again.
   */
  key: string;
  /** The articles whose content the file shows: their content must be loadable before `render`. */
  needs: Article[];
  /** The file's content, as one string or as parts written one after another (long listings). */
  render(): string | string[];
  /** For a feed file, what it was planned from besides its items (`needs`). */
  feed?: FeedSpec;
  /** True for an article's page (its article is `needs[0]`). */
  page?: true;
}

/**
 * A planner for `config`'s site. Articles are prepared (made absolute, given their stable id)
 * once and shared by every format; content is fetched once, when a file that shows it is rendered.
 */
export function createPlanner(config: SiteConfig, content: ContentSource): SitePlanner & {
  base: string;
  site: { title: string; language: string; homeUrl: string };
  ready(article: Article): Article;
  fieldsKeyOf(article: Article): string;
  preparedTags(article: Article): string[];
  plan(relPath: string, kind: string, inputs: unknown, needs: Article[], render: () => string | string[], inputsText?: string): void;
} {
  const base = siteBase(config.siteUrl);
  // Articles are prepared lazily: keys need only their fields' hash, and most files of an
  // incremental run are never rendered.
  const prepared = new Map<Article, Article>();
  const ready = (article: Article): Article => {
    let done = prepared.get(article);
    if (!done) {
      done = prepareArticle({ ...article, contentHtml: "" }, config);
      prepared.set(article, done);
    }
    return done;
  };
  const fieldKeys = new Map<Article, string>();
  /**
   * The key of an article's fields, content aside: what listing pages show. Taken over the
   * article before preparation, which is a function of it and the config (the build state's
   * key covers the config).
   */
  const fieldsKeyOf = (article: Article): string => {
    let key = fieldKeys.get(article);
    if (key === undefined) {
      key = content.fieldsHashOf?.(article) ?? fieldsHash(article);
      fieldKeys.set(article, key);
    }
    return key;
  };
  /** The key of an article with its content: what pages and feeds show. */
  const keyOf = (article: Article): string => `${fieldsKeyOf(article)}:${content.hashOf(article)}`;
  const sanitized = new Map<Article, Article>();
  /** Articles some feed carries: their content is kept once fetched, the rest is fetched for the one page that shows it and let go. */
  const inFeeds = new Set<Article>();
  /** The prepared article with its sanitised content. */
  const whole = (article: Article): Article => {
    let done = sanitized.get(article);
    if (!done) {
      done = { ...ready(article), contentHtml: content.contentOf(article) };
      if (inFeeds.has(article)) sanitized.set(article, done);
    }
    return done;
  };
  const tagsOf = new Map<Article, string[]>();
  const preparedTags = (article: Article): string[] => {
    let tags = tagsOf.get(article);
    if (!tags) {
      tags = prepareTags(article.tags);
      tagsOf.set(article, tags);
    }
    return tags;
  };

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
  const files = new Map<string, PlannedFile>();
  /** Plans a file whose key is taken over `inputs` (or their `stableStringify` text, when several files share them). */
  const plan = (relPath: string, kind: string, inputs: unknown, needs: Article[], render: () => string | string[], inputsText = stableStringify(inputs)): void => {
    files.set(relPath, { key: hashText(`${kind}\0${inputsText}`), needs, render });
  };

  const planFeeds = (spec: FeedSpec, items: Article[]): FeedLinks => {
    const { folder, title, description, homeUrl } = spec;
    const links = feedLinks(folder, base, title);
    const { title: _title, ...feedUrls } = links;
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
    for (const item of items) inFeeds.add(item);
    const inputs = { ...model, items: items.map(keyOf) };
    // The three formats share their inputs: serialised once.
    const inputsText = stableStringify(inputs);
    // newestDate reads dates only, which preparation leaves as they are.
    const wholeModel = (): FeedModel => ({ ...model, items: items.map(whole) });
    const feedFile = (name: string, kind: string, render: () => string | string[]) => {
      plan(folder + name, kind, inputs, items, render, inputsText);
      (files.get(folder + name) as PlannedFile).feed = spec;
    };
    feedFile(FEED_FILES.rss, "rss", () => renderRss(wholeModel()));
    feedFile(FEED_FILES.atom, "atom", () => renderAtom(wholeModel()));
    feedFile(FEED_FILES.json, "json", () => renderJsonFeed(wholeModel()));
    return links;
  };

  let pageKey: ((articleKey: string, tagUrls: Array<string | undefined>) => string) | undefined;
  const pageSite = { ...site, feeds: feedLinks("", base, site.title) };
  const planPage = (article: Article, tagUrl: (tag: string) => string | undefined): void => {
    pageKey ??= articlePageKeys(pageSite);
    files.set(articlePagePath(article), {
      key: pageKey(keyOf(article), preparedTags(article).map(tagUrl)),
      needs: [article],
      render: () => renderArticlePage(whole(article), { ...pageSite, tagUrl }),
      page: true,
    });
  };
  const siteFeeds = pageSite.feeds;
  // Listing pages show no content: their keys leave it out, so an edit to a body alone does not re-render them.
  const listed = (articles: Article[]) => articles.map(fieldsKeyOf);
  const description = xmlSafe(config.description);
  const planHome = (newest: Article[], archive: ArchiveLink[]): void => {
    const homeSite = { ...site, description, pageUrl: base, feeds: siteFeeds, archive };
    plan("index.html", "index", { ...homeSite, articles: listed(newest) }, [], () => renderIndexPage(listings(newest), homeSite));
  };
  const planYear = (year: string, articles: Article[]): void => {
    const yearSite = { ...site, title: `${site.title}: ${year}`, siteTitle: site.title, description: `Articles published in ${year}.`, pageUrl: new URL(`${ARCHIVE_FOLDER}${year}/`, base).href, feeds: siteFeeds };
    plan(`${ARCHIVE_FOLDER}${year}/index.html`, "index", { ...yearSite, articles: listed(articles) }, [], () => renderIndexPage(listings(articles), yearSite));
  };
  const planArchiveIndex = (archive: ArchiveLink[]): void => {
    const archiveSite = { ...site, title: `${site.title}: archive`, siteTitle: site.title, description: "", pageUrl: new URL(ARCHIVE_FOLDER, base).href, feeds: siteFeeds, archive };
    plan(`${ARCHIVE_FOLDER}index.html`, "index", archiveSite, [], () => renderIndexPage([], archiveSite));
  };
  const archiveLinks = (years: Iterable<[string, number]>): ArchiveLink[] =>
    [...years].map(([year, count]) => ({ year, url: new URL(`${ARCHIVE_FOLDER}${year}/`, base).href, count }));
  const groupKinds = {
    tags: { heading: "Tags", describe: (name: string) => `Articles tagged “${name}” on ${site.title}.` },
    authors: { heading: "Authors", describe: (name: string) => `Articles by ${name} on ${site.title}.` },
  };
  const groupLink = (kind: GroupKind, group: { name: string; slug: string; count: number }): GroupLink => {
    const pageUrl = new URL(`${GROUP_FOLDERS[kind]}${group.slug}/`, base).href;
    const title = `${site.title}: ${group.name}`;
    return { name: group.name, pageUrl, feeds: feedLinks(`${GROUP_FOLDERS[kind]}${group.slug}/`, base, title), count: group.count };
  };
  const planGroup = (kind: GroupKind, group: FeedGroup): GroupLink => {
    const groupFolder = `${GROUP_FOLDERS[kind]}${group.slug}/`;
    const link = groupLink(kind, { ...group, count: group.articles.length });
    const title = `${site.title}: ${group.name}`;
    const describe = groupKinds[kind].describe(group.name);
    const feeds = planFeeds({ folder: groupFolder, title, description: describe, homeUrl: link.pageUrl }, group.articles.slice(0, config.feedLimit));
    const groupSite = { ...site, title, siteTitle: site.title, description: describe, pageUrl: link.pageUrl, feeds };
    plan(`${groupFolder}index.html`, "index", { ...groupSite, articles: listed(group.articles) }, [], () => renderIndexPage(listings(group.articles), groupSite));
    return { ...link, feeds };
  };
  const planGroupIndex = (kind: GroupKind, links: GroupLink[]): void => {
    const folder = GROUP_FOLDERS[kind];
    const listSite = { ...site, title: groupKinds[kind].heading, siteTitle: site.title, pageUrl: new URL(folder, base).href };
    plan(`${folder}index.html`, "groups", { ...listSite, links }, [], () => renderGroupIndexPage(links, listSite));
  };
  return { files, planFeeds, planPage, planHome, planYear, planArchiveIndex, archiveLinks, planGroup, groupLink, planGroupIndex, base, site, ready, fieldsKeyOf, preparedTags, plan };
}

/**
 * Plans every output file: the three site feeds over `feedItems`, the home page listing
 * `published`, one page per published article at `<permalink>index.html`, per-tag feeds and
 * pages under `tags/` (and per-author ones under `authors/` when `authorFeeds` is on), and the
 * browser-view stylesheet `feed.xsl`. Each planned file has a key over its inputs and renders
 * on demand, so an incremental run renders only files whose inputs changed.
 * The input order is kept everywhere, so the result is the same however articles were loaded.
 */
export function planSite(
  config: SiteConfig,
  published: Article[],
  feedItems: Article[],
  content: ContentSource,
  /** Given how the site is laid out, for the build records (patch-run.ts). */
  onOutline?: (outline: SiteOutline) => void,
): Map<string, PlannedFile> {
  const planner = createPlanner(config, content);
  const { base, site, plan, preparedTags, ready, files } = planner;
  const pages = published;

  const tagGroups = groupArticles(pages, preparedTags, "tag");
  const tagPages = new Map(tagGroups.map((group) => [groupKey(group.name), tagPageUrl(group.slug, base)]));
  const tagUrls = new Map<string, string | undefined>();
  const tagUrl = (tag: string): string | undefined => {
    if (!tagUrls.has(tag)) tagUrls.set(tag, tagPages.get(groupKey(tag)));
    return tagUrls.get(tag);
  };

  planner.planFeeds({ folder: "", title: site.title, description: xmlSafe(config.description), homeUrl: base }, feedItems);
  plan(FEED_XSL_FILE, "xsl", null, [], () => FEED_XSL);
  for (const article of pages) planner.planPage(article, tagUrl);
  // The home page lists the newest articles and links to the archive, a page per year: an
  // added article re-renders one year, not a list of every article.
  const years = archiveYears(pages);
  const archive = planner.archiveLinks([...years].map(([year, articles]) => [year, articles.length]));
  planner.planHome(pages.slice(0, config.homeLimit), archive);
  for (const [year, articles] of years) planner.planYear(year, articles);
  planner.planArchiveIndex(archive);
  planner.planGroupIndex("tags", tagGroups.map((group) => planner.planGroup("tags", group)));
  onOutline?.({ years, tags: tagGroups });
  if (config.authorFeeds) {
    const authorGroups = groupArticles(pages, (article) => ready(article).authors.map((person) => person.name), "author");
    planner.planGroupIndex("authors", authorGroups.map((group) => planner.planGroup("authors", group)));
  }
  return files;
}


/** `{ key: absolute URL }` for a configured image, or nothing when unset or not http(s). */
function optionalUrl<K extends string>(key: K, value: string | undefined, base: string): Partial<Record<K, string>> {
  const url = value ? absoluteUrl(value, base) : null;
  return url ? ({ [key]: url } as Record<K, string>) : {};
}
