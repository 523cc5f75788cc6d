import type { Article } from "../article.js";

/**
 * Newest first; articles published at the same instant are ordered by source path, so
 * the order never depends on the file system or on which worker finished first.
 */
export function compareNewestFirst(a: Article, b: Article): number {
  return Date.parse(b.published) - Date.parse(a.published) || compareSourcePaths(a, b);
}

/** Oldest first, ties by source path: the order in which articles claim addresses. */
export function compareOldestFirst(a: Article, b: Article): number {
  return Date.parse(a.published) - Date.parse(b.published) || compareSourcePaths(a, b);
}

function compareSourcePaths(a: Article, b: Article): number {
  return a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0;
}
