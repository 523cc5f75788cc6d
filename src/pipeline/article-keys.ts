import { createHash } from "node:crypto";
import type { Article } from "../article.js";
import { stableStringify } from "../publish/article-cache.js";

/** SHA-256 hex of a string's UTF-8 bytes. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * SHA-256 hex over an article's fields with its content left out: the part of an output
 * file's key that listing pages depend on. Computed when the article is derived and kept in
 * the cache, so an incremental run does not serialise every article again.
 */
export function fieldsHash(article: Article): string {
  return hashText(stableStringify({ ...article, contentHtml: "" }));
}
