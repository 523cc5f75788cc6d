import type { Article } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { stageFileSync, type StagingContext } from "../publish/atomic-write.js";
import { resolveInside } from "../publish/safe-path.js";
import { articlePageKeys, articlePagePath, likelyTagUrl, pageSiteOf, type PageSite } from "../render/article-page-plan.js";
import { renderArticlePage } from "../render/html/article-page.js";
import { prepareArticle } from "../render/prepare-article.js";
import { holdBack } from "../select/select-articles.js";
import { contentHash } from "./fast-path.js";
import { compactStaged, type StagedPage } from "./staged-page.js";

/**
 * Renders and stages an article's page right after the article is derived, in the thread
 * that derived it: on a cold build that spreads the page rendering and writing, most of a
 * build's output, over every core, and the article's content never has to travel back to
 * be rendered. The page is rendered with what can be known from the article alone (the
 * config, and each tag's likely page: article-page-plan.ts `likelyTagUrl`); the main thread
 * publishes it only when its key equals the key planned with the whole site known (an
 * article whose URL changed through disambiguation, or whose tag slug clashes with
 * another's, is rendered again there), and discards it otherwise.
 */

/** A page rendered ahead: its key, its bytes' hash, and the staged temp file, or "unchanged" when the output folder already holds those bytes. */
export interface PrerenderedPage {
  relPath: string;
  key: string;
  hash: string;
  staged: StagedPage | "unchanged";
}

/** What a thread needs to render pages ahead, set up once per run. */
export interface PrerenderContext {
  config: SiteConfig;
  outDir: string;
  site: PageSite;
  pageKey: ReturnType<typeof articlePageKeys>;
  staging: StagingContext;
  /** Drafts and scheduled articles that will not publish are not rendered. */
  includeDrafts: boolean;
  includeFuture: boolean;
  now: number;
}

/** What a run asks of prerendering: plain data, sent to worker threads as is. */
export type PrerenderOptions = Omit<PrerenderContext, "site" | "pageKey" | "staging" | "config">;

/** A {@link PrerenderContext} for a run. */
export function prerenderContext(options: PrerenderOptions & { config: SiteConfig }): PrerenderContext {
  const site = pageSiteOf(options.config);
  return { ...options, site, pageKey: articlePageKeys(site), staging: { folders: new Set() } };
}

/**
 * Renders and stages the page of `article` (derived, without content) with its sanitised
 * content `html`; undefined when the article will not publish or its page cannot be staged
 * (the main thread then renders it, and reports any error, as usual).
 */
export function prerenderPage(article: Article, keys: { fieldsHash: string; contentHash: string }, html: string, context: PrerenderContext): PrerenderedPage | undefined {
  if (holdBack(article, context) !== null) return undefined;
  const { site } = context;
  const prepared = { ...prepareArticle({ ...article, contentHtml: "" }, context.config), contentHtml: html };
  const tagUrl = (tag: string) => likelyTagUrl(tag, site.homeUrl);
  const relPath = articlePagePath(article);
  try {
    const content = renderArticlePage(prepared, { ...site, tagUrl });
    const staged = stageFileSync(resolveInside(context.outDir, relPath), content, context.staging);
    return {
      relPath,
      key: context.pageKey(`${keys.fieldsHash}:${keys.contentHash}`, prepared.tags.map(tagUrl)),
      hash: contentHash(content),
      staged: compactStaged(staged, context.outDir),
    };
  } catch {
    return undefined;
  }
}
