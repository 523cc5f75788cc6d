import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { deriveArticle } from "../derive/derive-article.js";
import { hashContent } from "../publish/article-cache.js";
import { decodeSource } from "../read/read-source.js";
import { splitFrontMatter } from "../read/split-front-matter.js";
import { sanitizeContent } from "../render/sanitize-content.js";
import { fieldsHash, hashText } from "./article-keys.js";
import type { FileOutcome } from "./load-articles.js";
import { prerenderPage, type PrerenderContext, type PrerenderedPage } from "./prerender-page.js";

/**
 * The work done for one article file that the cache could not serve, in the main thread or
 * in a worker (derive-worker.ts): the same code either way, so a parallel build gives a
 * sequential build's bytes.
 */

/**
 * What deriving one file's bytes gave: the outcome to cache, and for an article its content,
 * raw and sanitised (the raw content is empty in results from a worker thread: derive-worker.ts).
 */
export type Derived =
  | { kind: "article"; outcome: FileOutcome; content: string; sanitized: string; page?: PrerenderedPage }
  | { kind: "skipped"; outcome: FileOutcome }
  | { kind: "pending"; pending: Diagnostic };

/** A file read and derived, or why it could not be read. */
export type ReadAndDerived = { ok: true; hash: string; derived: Derived } | { ok: false; diagnostic: Diagnostic };

/**
 * Decodes, splits and derives one file's bytes; `pending` when it looks mid-write (`recent`
 * files only). With `prerender`, an article's page is rendered and staged too (prerender-page.ts).
 */
export function deriveFileBytes(sourcePath: string, bytes: Uint8Array, recent: boolean, config: SiteConfig, prerender?: PrerenderContext): Derived {
  const decoded = decodeSource(sourcePath, bytes, recent);
  if (!decoded.ok) {
    return decoded.kind === "pending"
      ? { kind: "pending", pending: decoded.diagnostic }
      : { kind: "skipped", outcome: { kind: "skipped", diagnostics: [decoded.diagnostic] } };
  }
  const split = splitFrontMatter(decoded.text);
  if (recent && split.problems.some((problem) => problem.unclosed)) {
    return { kind: "pending", pending: { file: sourcePath, line: 1, message: "front matter is not closed yet, probably still being written; it will be published by a later run" } };
  }
  const result = deriveArticle(sourcePath, split, config, decoded.warnings);
  if (!result.ok) return { kind: "skipped", outcome: { kind: "skipped", diagnostics: result.diagnostics } };
  const content = result.article.contentHtml;
  const article = { ...result.article, contentHtml: "" };
  // Sanitised against the article's own URL; the rare article whose URL disambiguation changes is sanitised again.
  const sanitized = sanitizeContent(content, article.url);
  // The UTF-8 bytes' hash, taken from the string without copying it into a buffer.
  const keys = { contentHash: hashText(content), fieldsHash: fieldsHash(article) };
  const page = prerender ? prerenderPage(article, keys, sanitized, prerender) : undefined;
  return {
    kind: "article",
    content,
    sanitized,
    ...(page ? { page } : {}),
    outcome: { kind: "article", article, ...keys, diagnostics: result.diagnostics },
  };
}

/** Reads one file (synchronously: small files, and a worker has nothing else to do) and derives it (see {@link deriveFileBytes}). */
export function readAndDerive(articlesDir: string, sourcePath: string, recent: boolean, config: SiteConfig, prerender?: PrerenderContext): ReadAndDerived {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.join(articlesDir, sourcePath));
  } catch (error) {
    return {
      ok: false,
      diagnostic: { file: sourcePath, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions; the file is skipped` },
    };
  }
  return { ok: true, hash: hashContent(bytes), derived: deriveFileBytes(sourcePath, bytes, recent, config, prerender) };
}
