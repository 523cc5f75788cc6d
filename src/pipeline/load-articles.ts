import type { Article, Diagnostic } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { deriveArticle } from "../derive/derive-article.js";
import { hashContent, type ArticleCache } from "../publish/article-cache.js";
import { findArticleFiles } from "../read/find-article-files.js";
import { decodeSource, INCOMPLETE_GRACE_MS, readSourceBytes, statSource } from "../read/read-source.js";
import { splitFrontMatter } from "../read/split-front-matter.js";

/** What deriving one file produced: cached as is, so an unchanged file is never read again. */
export type FileOutcome =
  | { kind: "article"; article: Article; diagnostics: Diagnostic[] }
  | { kind: "skipped"; diagnostics: Diagnostic[] };

export interface LoadedArticles {
  articles: Article[];
  skipped: Diagnostic[];
  warnings: Diagnostic[];
  pending: Diagnostic[];
}

/**
 * Reads and derives every article file under `articlesDir`. Size and age checks run first
 * (they depend on the clock, so they are never cached); then a file whose size and mtime,
 * or failing that whose bytes, match the cache reuses what was derived before.
 * Files that look mid-write are reported as pending and are not cached.
 */
export async function loadArticles(
  articlesDir: string,
  config: SiteConfig,
  options: { cache?: ArticleCache<FileOutcome>; now: number; onProgress?: (done: number, total: number) => void },
): Promise<LoadedArticles> {
  const found = await findArticleFiles(articlesDir);
  const loaded: LoadedArticles = { articles: [], skipped: [...found.diagnostics], warnings: [], pending: [] };
  const limits = { maxBytes: config.maxFileBytes, settleMs: config.settleSeconds * 1000, now: options.now };

  for (const [index, sourcePath] of found.files.entries()) {
    options.onProgress?.(index, found.files.length);
    const stat = await statSource(articlesDir, sourcePath, limits);
    if (!stat.ok) {
      (stat.kind === "pending" ? loaded.pending : loaded.skipped).push(stat.diagnostic);
      continue;
    }
    let outcome = options.cache?.lookup(sourcePath, stat);
    if (!outcome) {
      const read = await readSourceBytes(articlesDir, sourcePath);
      if (!read.ok) {
        loaded.skipped.push(read.diagnostic);
        continue;
      }
      const hash = hashContent(read.bytes);
      outcome = options.cache?.lookupByHash(sourcePath, hash);
      if (!outcome) {
        const recent = limits.now - stat.mtimeMs < INCOMPLETE_GRACE_MS;
        const derived = deriveFile(sourcePath, read.bytes, recent, config);
        if ("pending" in derived) {
          loaded.pending.push(derived.pending);
          continue;
        }
        outcome = derived;
      }
      options.cache?.store(sourcePath, stat, hash, outcome);
    }
    if (outcome.kind === "article") {
      loaded.articles.push(outcome.article);
      loaded.warnings.push(...outcome.diagnostics);
    } else {
      loaded.skipped.push(...outcome.diagnostics);
    }
  }
  options.onProgress?.(found.files.length, found.files.length);
  return loaded;
}

/** Decodes, splits and derives one file; `pending` when it looks mid-write. */
function deriveFile(sourcePath: string, bytes: Uint8Array, recent: boolean, config: SiteConfig): FileOutcome | { pending: Diagnostic } {
  const decoded = decodeSource(sourcePath, bytes, recent);
  if (!decoded.ok) {
    return decoded.kind === "pending" ? { pending: decoded.diagnostic } : { kind: "skipped", diagnostics: [decoded.diagnostic] };
  }
  const split = splitFrontMatter(decoded.text);
  if (recent && split.problems.some((problem) => problem.unclosed)) {
    return { pending: { file: sourcePath, line: 1, message: "front matter is not closed yet, probably still being written; it will be published by a later run" } };
  }
  const result = deriveArticle(sourcePath, split, config);
  return result.ok
    ? { kind: "article", article: result.article, diagnostics: result.diagnostics }
    : { kind: "skipped", diagnostics: result.diagnostics };
}
