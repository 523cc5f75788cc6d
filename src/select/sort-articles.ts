import type { Article } from "../article.js";

/**
 * `articles` newest first, in a new array; articles published at the same instant are ordered
 * by source path, so the order never depends on the file system or on which worker finished
 * first. Each date is parsed once, not once per comparison: sorting ten thousand articles
 * compares them over a hundred thousand times.
 */
export function sortNewestFirst(articles: readonly Article[]): Article[] {
  return sortByTime(articles, -1);
}

/** `articles` oldest first, ties by source path, in a new array: the order in which articles claim addresses (see {@link sortNewestFirst}). */
export function sortOldestFirst(articles: readonly Article[]): Article[] {
  return sortByTime(articles, 1);
}

function sortByTime(articles: readonly Article[], direction: 1 | -1): Article[] {
  const timed = articles.map((article) => ({ time: Date.parse(article.published), article }));
  timed.sort((a, b) => direction * (a.time - b.time) || compareSourcePaths(a.article, b.article));
  return timed.map((entry) => entry.article);
}

function compareSourcePaths(a: Article, b: Article): number {
  return a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0;
}
