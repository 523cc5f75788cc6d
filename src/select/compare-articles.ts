import type { Article } from "../article.js";

/**
 * Newest first; articles published at the same instant are ordered by source path, so
 * the order never depends on the file system or on which worker finished first.
 */
export function compareNewestFirst(a: Article, b: Article): number {
  const difference = Date.parse(b.published) - Date.parse(a.published);
  if (difference !== 0) return difference;
  return a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0;
}
