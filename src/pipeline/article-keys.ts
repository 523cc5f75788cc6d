import { hash } from "node:crypto";
import type { Article } from "../article.js";
import { stableStringify } from "../publish/article-cache.js";

/** SHA-256 hex of a string's UTF-8 bytes. */
export function hashText(text: string): string {
  // One-shot hashing (UTF-8, as Hash.update encodes a string): the same digest without a Hash object per call.
  return hash("sha256", text, "hex");
}

/**
 * SHA-256 hex over an article's fields with its content left out: the part of an output
 * file's key that listing pages depend on. Computed when the article is derived and kept in
 * the cache, so an incremental run does not serialise every article again.
 */
export function fieldsHash(article: Article): string {
  return hashText(stableStringify({ ...article, contentHtml: "" }));
}
