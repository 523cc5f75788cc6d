import type { Article, Diagnostic } from "../article.js";
import { SITE_PAGE_PERMALINKS } from "../render/article-page-plan.js";
import { sortOldestFirst } from "./sort-articles.js";

/**
 * Makes permalinks and ids unique. Articles are visited oldest first (ties by source path),
 * so the first-published article keeps its address and a later one that collides gets a
 * numbered suffix (`/slug-2/`); the outcome does not depend on the order files were read.
 * Each collision is reported against the article that moved.
 */
export function disambiguate(articles: Article[]): { articles: Article[]; diagnostics: Diagnostic[] } {
  const ordered = sortOldestFirst(articles);
  // The site's own pages hold these addresses: an article there would overwrite the listing.
  const permalinks = new Set<string>(SITE_PAGE_PERMALINKS);
  const ids = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const result: Article[] = [];
  for (const original of ordered) {
    let article = original;
    if (permalinks.has(article.permalink)) {
      const permalink = freeVariant(article.permalink, permalinks);
      // Only the last path segment changes; resolving from the article's own URL keeps the site's base path.
      const url = new URL(`${permalink.replace(/\/$/, "").split("/").pop()}/`, new URL("..", article.url)).href;
      const idFollowsUrl = article.id === article.url;
      const holder = SITE_PAGE_PERMALINKS.includes(article.permalink) ? "one of the site's own listing pages" : "another article";
      diagnostics.push({
        file: article.sourcePath,
        message: `permalink ${article.permalink} is already used by ${holder}; publishing at ${permalink} instead (set "slug" or "permalink" to choose)`,
      });
      article = { ...article, permalink, url, id: idFollowsUrl ? url : article.id };
    }
    if (ids.has(article.id)) {
      const id = freeIdVariant(article.id, ids);
      diagnostics.push({
        file: article.sourcePath,
        message: `id ${article.id} is already used by another article; using ${id} instead (give the article its own "id")`,
      });
      article = { ...article, id };
    }
    permalinks.add(article.permalink);
    ids.add(article.id);
    result.push(article);
  }
  return { articles: result, diagnostics };
}

function freeVariant(permalink: string, taken: Set<string>): string {
  const stem = permalink.replace(/\/$/, "");
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}/`;
    if (!taken.has(candidate)) return candidate;
  }
}

function freeIdVariant(id: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = /^https?:\/\/.*\/$/.test(id) ? `${id.replace(/\/$/, "")}-${n}/` : `${id}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
