import type { Article, Diagnostic } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import type { ArticleCache } from "../publish/article-cache.js";
import { findArticleFiles, type FoundFiles } from "../read/find-article-files.js";
import { isRecent, judgeSourceStat, readLimits, statSource, type SourceStat } from "../read/read-source.js";
import type { ContentPack, PackedContent } from "./content-pack.js";
import type { ReadAndDerived } from "./derive-file.js";
import type { Prefetched } from "./prefetch-changed.js";
import { prerenderContext, type PrerenderedPage, type PrerenderOptions } from "./prerender-page.js";
import { shareOriginStrings } from "./share-origin-strings.js";
import { BATCH_SIZE, deriveInWorkers, useWorkers, workerCount, type WarmWorker } from "./worker-pool.js";

/**
 * What deriving one file produced: cached as is, so an unchanged file is not read again
 * until its content is needed. The cached article's `contentHtml` is empty: content is most
 * of a cache's size and few runs need it (see {@link loadContent}); `contentHash` stands for it.
 */
export type FileOutcome =
  | { kind: "article"; article: Article; contentHash: string; fieldsHash: string; diagnostics: Diagnostic[]; packed?: PackedContent }
  | { kind: "skipped"; diagnostics: Diagnostic[] };

export interface LoadedArticles {
  /** Every article derived or found in the cache; `contentHtml` is always empty (see `contents`). */
  articles: Article[];
  /** Source path -> SHA-256 of the article's content HTML, for every article. */
  contentHashes: Map<string, string>;
  /**
   * Source path -> content HTML sanitised against `url`, for the articles derived this run
   * (cache misses); other articles' content is derived again when needed ({@link loadContent}).
   */
  contents: Map<string, { url: string; html: string }>;
  /** Each article (as loaded) -> its fields' hash (article-keys.ts). */
  fieldsHashes: Map<Article, string>;
  /** Source path -> where the content pack holds the article's sanitised content, when a pack is used. */
  packed: Map<string, PackedContent>;
  skipped: Diagnostic[];
  warnings: Diagnostic[];
  pending: Diagnostic[];
  /** Threads that derived files: 1 when this thread did (or nothing needed deriving). */
  workers: number;
  /** Pages rendered and staged while deriving (`prerender`): the caller publishes or discards each. */
  pages: PrerenderedPage[];
}

/** What one file contributed, kept per file so results are reported in file order however they were derived. */
type Slot =
  | { outcome: FileOutcome; content?: { url: string; html: string }; pending?: Diagnostic }
  | { refused: "pending" | "skipped"; diagnostic: Diagnostic };

/**
 * A file caught mid-write keeps its last complete version published, from the cache, and is
 * still reported as pending (so the next run looks at it again); without one it waits.
 */
function pendingSlot(sourcePath: string, diagnostic: Diagnostic, cache: ArticleCache<FileOutcome> | undefined): Slot {
  const previous = cache?.lastKnown(sourcePath);
  return previous?.kind === "article" ? { outcome: previous, pending: diagnostic } : { refused: "pending", diagnostic };
}

/**
 * Reads and derives every article file under `articlesDir`. Size and age checks run first
 * (they depend on the clock, so they are never cached); then a file whose stat (size,
 * mtime, ctime, inode), or failing that whose bytes, match the cache reuses what was derived before.
 * Files that look mid-write are reported as pending and are not cached; one that was
 * published before keeps its last complete version published meanwhile.
 * When many files need deriving they are spread over worker threads (worker-pool.ts);
 * the result is the same as deriving them in order in this thread.
 */
export async function loadArticles(
  articlesDir: string,
  config: SiteConfig,
  options: {
    cache?: ArticleCache<FileOutcome>;
    now: number;
    onProgress?: (done: number, total: number) => void;
    /** The files, already listed and stat'ed by the caller (the fast-path check): saves doing it twice. */
    listing?: { found: FoundFiles; stats: Array<SourceStat | null> };
    /** Threads to derive on (see worker-pool.ts `workerCount`); 1 derives in this thread. */
    workers?: number;
    /**
     * Where derived content goes instead of memory (content-pack.ts); opened by `openPack`
     * once it is known whether every file needs deriving (then the pack starts afresh).
     */
    openPack?: (fresh: boolean) => ContentPack;
    /** Render and stage each derived article's page as it is derived (prerender-page.ts). */
    prerender?: PrerenderOptions;
    /**
     * A derive thread started early (worker-pool.ts `startWarmWorker`) with the same
     * `articlesDir`, config and `prerender`: it derives what the pool would not; stopped if unused.
     */
    warm?: WarmWorker;
    /** Files `warm` is deriving already (prefetch-changed.ts): taken for files the cache does not serve. */
    prefetched?: Prefetched;
  },
): Promise<LoadedArticles> {
  const found = options.listing?.found ?? (await findArticleFiles(articlesDir));
  const limits = readLimits(config, options.now);
  const total = found.files.length;
  const slots: Array<Slot | undefined> = new Array(total);
  const toDerive: Array<{ index: number; sourcePath: string; recent: boolean; stat: SourceStat }> = [];

  for (const [index, sourcePath] of found.files.entries()) {
    const known = options.listing?.stats[index];
    const stat = known ? judgeSourceStat(sourcePath, known, limits) : await statSource(articlesDir, sourcePath, limits);
    if (!stat.ok) {
      slots[index] = stat.kind === "pending" ? pendingSlot(sourcePath, stat.diagnostic, options.cache) : { refused: stat.kind, diagnostic: stat.diagnostic };
      continue;
    }
    const outcome = options.cache?.lookup(sourcePath, stat);
    if (outcome) slots[index] = { outcome };
    else toDerive.push({ index, sourcePath, recent: isRecent(stat.mtimeMs, limits.now), stat });
  }
  const served = total - toDerive.length;
  options.onProgress?.(served, total);

  const pack = options.openPack?.(toDerive.length === total);
  const pages: PrerenderedPage[] = [];
  /** Takes one derived file's result as it arrives; its content goes to the pack (or memory) at once. */
  const settle = (position: number, result: ReadAndDerived): void => {
    const file = toDerive[position] as (typeof toDerive)[number];
    if (!result.ok) {
      slots[file.index] = { refused: "skipped", diagnostic: result.diagnostic };
      return;
    }
    if (result.derived.kind === "article" && result.derived.page) pages.push(result.derived.page);
    // A file touched but not changed: what the cache holds is what was just derived.
    let outcome = options.cache?.lookupByHash(file.sourcePath, result.hash);
    if (!outcome) {
      if (result.derived.kind === "pending") {
        slots[file.index] = pendingSlot(file.sourcePath, result.derived.pending, options.cache);
        return;
      }
      outcome = result.derived.outcome;
      if (outcome.kind === "article") shareOriginStrings(outcome.article.origin);
    }
    let content: { url: string; html: string } | undefined;
    if (result.derived.kind === "article" && outcome.kind === "article") {
      if (pack) outcome = { ...outcome, packed: pack.append(result.derived.sanitized, outcome.article.url) };
      else content = { url: outcome.article.url, html: result.derived.sanitized };
    }
    options.cache?.store(file.sourcePath, file.stat, result.hash, outcome);
    slots[file.index] = { outcome, ...(content ? { content } : {}) };
  };

  // Files derived ahead are taken when this run would derive them the same way; what the
  // cache served after all is let go (its staged page is discarded unless its key is planned).
  const rest: number[] = [];
  let aheadDone = 0;
  const prefetched = new Map(options.prefetched);
  for (const [position, file] of toDerive.entries()) {
    const early = prefetched.get(file.sourcePath);
    prefetched.delete(file.sourcePath);
    const result = early?.recent === file.recent ? await early.result : undefined;
    if (result) {
      settle(position, result);
      options.onProgress?.(served + ++aheadDone, total);
    } else rest.push(position);
  }
  for (const { result } of prefetched.values()) {
    const unused = await result;
    if (unused?.ok && unused.derived.kind === "article" && unused.derived.page) pages.push(unused.derived.page);
  }

  let threads = 1;
  if (rest.length > 0) {
    const files = rest.map((position) => toDerive[position] as (typeof toDerive)[number]);
    const settleRest = (index: number, result: ReadAndDerived) => settle(rest[index] as number, result);
    const workers = workerCount(options.workers);
    const progress = (done: number) => options.onProgress?.(served + aheadDone + done, total);
    if (useWorkers(files.length, workers)) {
      threads = Math.min(workers.count, Math.ceil(files.length / BATCH_SIZE));
      await deriveInWorkers(articlesDir, config, options.prerender, files, workers.count, settleRest, progress, options.warm);
    } else if (options.warm) {
      // Too few files for the pool, but the warm thread has the derivers loaded already.
      await deriveInWorkers(articlesDir, config, options.prerender, files, 1, settleRest, progress, options.warm);
    } else {
      const { readAndDerive } = await import("./derive-file.js");
      const context = options.prerender ? prerenderContext({ ...options.prerender, config }) : undefined;
      files.forEach((file, index) => {
        settleRest(index, readAndDerive(articlesDir, file.sourcePath, file.recent, config, context));
        progress(index + 1);
      });
    }
  }

  await options.warm?.stop();
  const loaded: LoadedArticles = { articles: [], contentHashes: new Map(), contents: new Map(), fieldsHashes: new Map(), packed: new Map(), skipped: [...found.diagnostics], warnings: [], pending: [], workers: threads, pages };
  found.files.forEach((sourcePath, index) => {
    const slot = slots[index] as Slot;
    if ("refused" in slot) {
      (slot.refused === "pending" ? loaded.pending : loaded.skipped).push(slot.diagnostic);
      return;
    }
    const { outcome } = slot;
    if (slot.pending) loaded.pending.push(slot.pending);
    if (outcome.kind === "article") {
      loaded.articles.push(outcome.article);
      loaded.contentHashes.set(sourcePath, outcome.contentHash);
      loaded.fieldsHashes.set(outcome.article, outcome.fieldsHash);
      if (slot.content) loaded.contents.set(sourcePath, slot.content);
      if (outcome.packed) loaded.packed.set(sourcePath, outcome.packed);
      loaded.warnings.push(...outcome.diagnostics);
    } else {
      loaded.skipped.push(...outcome.diagnostics);
    }
  });
  options.onProgress?.(total, total);
  return loaded;
}
