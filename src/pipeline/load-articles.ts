import type { Article, Diagnostic } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import type { deriveArticle as DeriveArticle } from "../derive/derive-article.js";
import { hashContent, type ArticleCache } from "../publish/article-cache.js";
import { fieldsHash } from "./article-keys.js";
import { findArticleFiles } from "../read/find-article-files.js";
import type { decodeSource as DecodeSource } from "../read/read-source.js";
import { INCOMPLETE_GRACE_MS, judgeSourceStat, readSourceBytes, statSource } from "../read/read-source.js";
import type { FoundFiles } from "../read/find-article-files.js";
import type { splitFrontMatter as SplitFrontMatter } from "../read/split-front-matter.js";

/** The derivers, loaded on the first file that needs deriving: a run the cache serves whole never pays for them. */
interface Derivers {
  decodeSource: typeof DecodeSource;
  splitFrontMatter: typeof SplitFrontMatter;
  deriveArticle: typeof DeriveArticle;
}
let derivers: Derivers | undefined;
async function loadDerivers(): Promise<Derivers> {
  if (!derivers) {
    const [read, split, derive] = await Promise.all([
      import("../read/read-source.js"),
      import("../read/split-front-matter.js"),
      import("../derive/derive-article.js"),
    ]);
    derivers = { decodeSource: read.decodeSource, splitFrontMatter: split.splitFrontMatter, deriveArticle: derive.deriveArticle };
  }
  return derivers;
}

/**
 * What deriving one file produced: cached as is, so an unchanged file is not read again
 * until its content is needed. The cached article's `contentHtml` is empty: content is most
 * of a cache's size and few runs need it (see {@link loadContent}); `contentHash` stands for it.
 */
export type FileOutcome =
  | { kind: "article"; article: Article; contentHash: string; fieldsHash: string; diagnostics: Diagnostic[] }
  | { kind: "skipped"; diagnostics: Diagnostic[] };

export interface LoadedArticles {
  /** Every article derived or found in the cache; `contentHtml` is empty for those found in the cache. */
  articles: Article[];
  /** Source path -> SHA-256 of the article's content HTML, for every article. */
  contentHashes: Map<string, string>;
  /** Source path -> content HTML, for the articles derived this run (cache misses). */
  contents: Map<string, string>;
  /** Each article (as loaded) -> its fields' hash (article-keys.ts). */
  fieldsHashes: Map<Article, string>;
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
  options: {
    cache?: ArticleCache<FileOutcome>;
    now: number;
    onProgress?: (done: number, total: number) => void;
    /** The files, already listed and stat'ed by the caller (the fast-path check): saves doing it twice. */
    listing?: { found: FoundFiles; stats: Array<{ size: number; mtimeMs: number } | null> };
  },
): Promise<LoadedArticles> {
  const found = options.listing?.found ?? (await findArticleFiles(articlesDir));
  const loaded: LoadedArticles = { articles: [], contentHashes: new Map(), contents: new Map(), fieldsHashes: new Map(), skipped: [...found.diagnostics], warnings: [], pending: [] };
  const limits = { maxBytes: config.maxFileBytes, settleMs: config.settleSeconds * 1000, now: options.now };

  for (const [index, sourcePath] of found.files.entries()) {
    options.onProgress?.(index, found.files.length);
    const known = options.listing?.stats[index];
    const stat = known ? judgeSourceStat(sourcePath, known, limits) : await statSource(articlesDir, sourcePath, limits);
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
        const derived = deriveFile(await loadDerivers(), sourcePath, read.bytes, recent, config);
        if ("pending" in derived) {
          loaded.pending.push(derived.pending);
          continue;
        }
        if (derived.kind === "article") loaded.contents.set(sourcePath, derived.content);
        outcome = derived.outcome;
      }
      options.cache?.store(sourcePath, stat, hash, outcome);
    }
    if (outcome.kind === "article") {
      loaded.articles.push(outcome.article);
      loaded.contentHashes.set(sourcePath, outcome.contentHash);
      loaded.fieldsHashes.set(outcome.article, outcome.fieldsHash);
      loaded.warnings.push(...outcome.diagnostics);
    } else {
      loaded.skipped.push(...outcome.diagnostics);
    }
  }
  options.onProgress?.(found.files.length, found.files.length);
  return loaded;
}

type Derived = { kind: "article"; outcome: FileOutcome; content: string } | { kind: "skipped"; outcome: FileOutcome } | { pending: Diagnostic };

/** Decodes, splits and derives one file; `pending` when it looks mid-write. */
function deriveFile({ decodeSource, splitFrontMatter, deriveArticle }: Derivers, sourcePath: string, bytes: Uint8Array, recent: boolean, config: SiteConfig): Derived {
  const decoded = decodeSource(sourcePath, bytes, recent);
  if (!decoded.ok) {
    return decoded.kind === "pending" ? { pending: decoded.diagnostic } : { kind: "skipped", outcome: { kind: "skipped", diagnostics: [decoded.diagnostic] } };
  }
  const split = splitFrontMatter(decoded.text);
  if (recent && split.problems.some((problem) => problem.unclosed)) {
    return { pending: { file: sourcePath, line: 1, message: "front matter is not closed yet, probably still being written; it will be published by a later run" } };
  }
  const result = deriveArticle(sourcePath, split, config, decoded.warnings);
  if (!result.ok) return { kind: "skipped", outcome: { kind: "skipped", diagnostics: result.diagnostics } };
  const content = result.article.contentHtml;
  const article = { ...result.article, contentHtml: "" };
  return {
    kind: "article",
    content,
    outcome: { kind: "article", article, contentHash: hashContent(Buffer.from(content)), fieldsHash: fieldsHash(article), diagnostics: result.diagnostics },
  };
}

/**
 * Derives one article's content HTML again from its file, for an article the cache served
 * without it. Null when the file can no longer be read or derived. The caller compares
 * {@link hashContent} of the result with the cached hash: a file changed since it was
 * looked up gives other content.
 */
export async function loadContent(articlesDir: string, sourcePath: string, config: SiteConfig): Promise<string | null> {
  const read = await readSourceBytes(articlesDir, sourcePath);
  if (!read.ok) return null;
  const derived = deriveFile(await loadDerivers(), sourcePath, read.bytes, false, config);
  return "content" in derived ? derived.content : null;
}
