import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Article, Diagnostic } from "./article.js";
import { loadConfig, type SiteConfig, type UserConfig } from "./config/load-config.js";
import { PublishError, UsageError } from "./errors.js";
import type { ContentPack } from "./pipeline/content-pack.js";
import type { readAndDerive as ReadAndDerive } from "./pipeline/derive-file.js";
import type { FileOutcome } from "./pipeline/load-articles.js";
import type { PrerenderedPage } from "./pipeline/prerender-page.js";
import type { SiteOutline } from "./render/plan-site.js";
import { stagedPageFile } from "./pipeline/staged-page.js";
import type { sanitizeContent as SanitizeContent } from "./render/sanitize-content.js";
import { defaultCacheFile, hashConfig } from "./publish/article-cache.js";
import { checkUnchanged, saveBuildState, type RunFingerprint } from "./pipeline/fast-path.js";
import { acquireLock, LOCK_FILE, releaseOnExit } from "./publish/lock.js";
import type { StateSummary } from "./publish/build-state.js";
import { codeVersion } from "./version.js";

export interface BuildOptions {
  /** Folder relative paths resolve against; defaults to `process.cwd()`. */
  cwd?: string;
  /** Config file to read; defaults to the first `feedwright.config.{json,yaml,yml}` in `cwd`. */
  configFile?: string;
  /** Config values given directly (the API's alternative to a file); they override the file. */
  config?: UserConfig;
  /** Overrides from flags: they win over the file and `config`. */
  articlesDir?: string;
  outDir?: string;
  siteUrl?: string;
  feedLimit?: number;
  /** The clock for scheduling: articles dated after it are held back. Defaults to the real time. */
  now?: Date | string | number;
  /** Publish drafts too (for previews). */
  drafts?: boolean;
  /** Publish future-dated articles too (for previews). */
  future?: boolean;
  /** Treat every problem as fatal: when any file has one, write nothing. */
  strict?: boolean;
  /** Use and update the incremental cache (default true). Output is the same either way. */
  cache?: boolean;
  /** The wall clock for file ages (settle time) and timings; defaults to `Date.now`. Separate from `now`. */
  clock?: () => number;
  /** Called as files are read, for progress displays. */
  onProgress?: (done: number, total: number) => void;
  /** Ping the configured WebSub hub about changed feeds (default true; `serve` turns it off). */
  websub?: boolean;
  /**
   * Threads that read and derive articles (default: the FEEDWRIGHT_WORKERS environment
   * variable, else every available core, used when at least 2,000 files need deriving).
   * 1 keeps everything in this thread; the output is the same either way.
   */
  workers?: number;
  /**
   * Render and write each article's page in the thread that derives the article (default
   * true), keeping it only when its input key matches the page planned with the whole site
   * known (pipeline/prerender-page.ts). The output is the same either way.
   */
  prerender?: boolean;
}

export interface BuildSummary extends StateSummary {
  articlesDir: string;
  outDir: string;
  /** Files that look mid-write (just modified, empty, cut off): left for a later run. Not problems. */
  pending: Diagnostic[];
  /** True when `strict` was set and problems were found: nothing was written. */
  refused: boolean;
  /** Output files, relative to the output folder. */
  files: { written: string[]; unchanged: string[]; removed: string[] };
  /** WebSub: feed URLs the hub was told about, and why it could not be told (warnings, not failures). */
  websub: { notified: string[]; warnings: string[] };
  /** How the incremental cache served this run. */
  cache: { hits: number; misses: number };
  /**
   * True when nothing had changed since the last run (article files, config, flags, the
   * clock's side of every scheduled date, the output files): nothing was read or rendered.
   */
  upToDate: boolean;
  /**
   * True when only a few article bodies had changed, and only the files showing them (their
   * pages and the feeds carrying them) were planned and rendered (pipeline/patch-run.ts).
   */
  patched: boolean;
  /** Threads that read and derived articles this run (1: the main thread alone). */
  workers: number;
  /** Milliseconds spent in each stage. */
  timings: { read: number; render: number; write: number; total: number };
}

/**
 * Publishes a folder of articles: reads every article file, derives its metadata, selects
 * what publishes now, renders RSS, Atom, JSON Feed and HTML pages, and writes them into the
 * output folder, atomically and under a lock so overlapping runs take turns.
 * Bad files are reported in the summary and skipped; the rest publishes.
 * Throws `UsageError` for configuration mistakes (nothing written), `LockHeldError` when
 * another run holds the lock past `lockWaitSeconds`, and `PublishError` when the output
 * cannot be written (then `out/` is left as it was).
 */
export async function build(options: BuildOptions = {}): Promise<BuildSummary> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadConfig({
    cwd,
    ...(options.configFile ? { file: options.configFile } : {}),
    ...(options.config ? { values: options.config } : {}),
    memo: options.cache !== false,
    overrides: {
      articlesDir: options.articlesDir === undefined ? undefined : path.resolve(cwd, options.articlesDir),
      outDir: options.outDir === undefined ? undefined : path.resolve(cwd, options.outDir),
      siteUrl: options.siteUrl,
      feedLimit: options.feedLimit,
    },
  });
  const { config, articlesDir, outDir } = loaded;
  const now = readNow(options.now);
  const clock = options.clock ?? Date.now;

  const articlesStat = await stat(articlesDir).catch(() => null);
  if (!articlesStat?.isDirectory()) {
    throw new UsageError(`the articles folder ${articlesDir} does not exist: create it or pass --articles DIR.`);
  }
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new PublishError(`cannot create the output folder ${outDir} (${(error as NodeJS.ErrnoException).code}); check the path and its permissions.`);
  }
  const lock = await acquireLock(path.join(outDir, LOCK_FILE), { waitMs: config.lockWaitSeconds * 1000, command: "feedwright build" });
  const unhook = releaseOnExit(lock);
  try {
    return await buildLocked({ ...options, now }, { config, articlesDir, outDir, configDir: loaded.file ? path.dirname(loaded.file) : cwd }, clock);
  } finally {
    unhook();
    await lock.release();
  }
}

async function buildLocked(
  options: BuildOptions & { now: number },
  site: { config: SiteConfig; articlesDir: string; outDir: string; configDir: string },
  clock: () => number,
): Promise<BuildSummary> {
  const { config, articlesDir, outDir } = site;
  const started = clock();
  const cacheFile = config.cacheFile ? path.resolve(site.configDir, config.cacheFile) : defaultCacheFile(site.configDir);
  const configHash = hashConfig({ ...config, articlesDir, outDir });

  // Without the cache every run does everything; with it, unchanged inputs cost a few stats.
  let fingerprint: RunFingerprint | undefined;
  if (options.cache !== false) {
    const check = await checkUnchanged({
      cacheFile,
      articlesDir,
      outDir,
      now: options.now,
      key: { programVersion: codeVersion(), configHash, drafts: options.drafts ?? false, future: options.future ?? false, strict: options.strict ?? false },
    });
    if (check.unchanged) {
      const finished = clock();
      options.onProgress?.(check.sourceCount, check.sourceCount);
      return {
        articlesDir,
        outDir,
        ...check.unchanged.summary,
        pending: [],
        refused: false,
        files: { written: [], unchanged: check.unchanged.outputs, removed: [] },
        websub: { notified: [], warnings: [] },
        cache: { hits: check.sourceCount, misses: 0 },
        upToDate: true,
        patched: false,
        workers: 1,
        timings: { read: finished - started, render: 0, write: 0, total: finished - started },
      };
    }
    fingerprint = check.fingerprint;
    // A few article bodies edited: only their pages and feeds change (patch-run.ts); null means a full run.
    const patched = await (await import("./pipeline/patch-run.js")).patchRun({
      fingerprint,
      cacheFile,
      cacheKey: { programVersion: codeVersion(), configHash },
      config,
      articlesDir,
      outDir,
      now: options.now,
      clock,
      includeDrafts: options.drafts ?? false,
      includeFuture: options.future ?? false,
    });
    if (patched) {
      const { pingHubForBuild } = await import("./publish/ping-hub-for-build.js");
      const websub = options.websub === false ? { notified: [], warnings: [] } : await pingHubForBuild({ hubUrl: config.hub, siteUrl: config.siteUrl, changedFiles: patched.files.written });
      const finished = clock();
      options.onProgress?.(check.sourceCount, check.sourceCount);
      return {
        articlesDir,
        outDir,
        ...patched.summary,
        pending: [],
        refused: false,
        files: patched.files,
        websub,
        cache: { hits: check.sourceCount - patched.read, misses: patched.read },
        upToDate: false,
        patched: true,
        workers: 1,
        timings: { read: 0, render: 0, write: finished - started, total: finished - started },
      };
    }
  }

  // Started first, so that loading the derivers overlaps reading the cache (worker-pool.ts).
  const prerender = options.prerender === false ? undefined : { outDir, includeDrafts: options.drafts ?? false, includeFuture: options.future ?? false, now: options.now };
  const warm = (await import("./pipeline/worker-pool.js")).startWarmWorker(articlesDir, config, prerender, options.workers);
  // Its first job: derive the files written since the last run, which this run will almost
  // surely derive, while this thread reads the cache (prefetch-changed.ts).
  const prefetched =
    warm && fingerprint?.changedSinceState
      ? (await import("./pipeline/prefetch-changed.js")).prefetchChanged(warm, fingerprint.listing, fingerprint.changedSinceState, config, clock())
      : undefined;
  // Then stat the output files the last run left, which rendering compares with its records.
  const previousPaths = fingerprint?.previousOutputPaths;
  // Concatenation, not path.join: for ten thousand paths the difference shows.
  const outBase = outDir.endsWith(path.sep) ? outDir : outDir + path.sep;
  const outputVersions =
    warm && previousPaths
      ? warm.stat(previousPaths.map((relPath) => outBase + relPath)).then((versions) => new Map(previousPaths.map((relPath, index) => [relPath, versions[index] ?? null])))
      : null;

  // The pipeline is loaded only when there is work: a no-change run never pays for it.
  const [{ loadArticles }, { openCache }, { openContentPack, contentPackFile }, { pingHubForBuild }, { publishFiles }, { planSite, hashText }, { renderChanged }, { disambiguate }, { selectArticles }] =
    await Promise.all([
      import("./pipeline/load-articles.js"),
      import("./publish/article-cache.js"),
      import("./pipeline/content-pack.js"),
      import("./publish/ping-hub-for-build.js"),
      import("./publish/publish-files.js"),
      import("./render/plan-site.js"),
      import("./pipeline/render-changed.js"),
      import("./select/disambiguate.js"),
      import("./select/select-articles.js"),
    ]);
  const cache =
    options.cache === false
      ? undefined
      : await openCache<FileOutcome>(cacheFile, { programVersion: codeVersion(), configHash });

  let pack: ContentPack | undefined;
  // Pages rendered ahead while deriving; what publishing does not take is discarded at the end.
  let prerendered: PrerenderedPage[] = [];
  try {
    const loadedArticles = await loadArticles(articlesDir, config, {
      ...(prerender ? { prerender } : {}),
      ...(warm ? { warm } : {}),
      ...(prefetched ? { prefetched } : {}),
      ...(cache ? { openPack: (fresh: boolean) => (pack = openContentPack(contentPackFile(cacheFile), { fresh })) } : {}),
      ...(cache ? { cache } : {}),
      ...(fingerprint ? { listing: fingerprint.listing } : {}),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      now: clock(),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const { skipped, warnings, pending } = loadedArticles;
    prerendered = loadedArticles.pages;
    const readDone = clock();

    const unique = disambiguate(loadedArticles.articles);
    warnings.push(...unique.diagnostics);
    const selection = selectArticles(unique.articles, {
      now: options.now,
      includeDrafts: options.drafts ?? false,
      includeFuture: options.future ?? false,
      feedLimit: config.feedLimit,
    });
    const { contents, contentHashes, fieldsHashes, packed } = loadedArticles;
    // Content comes from memory, else the content pack, else is derived again (loadContents
    // loads the derivers first): an article the cache served without it, an article whose URL
    // disambiguation changed (links resolve against it), a pack entry that did not read back whole.
    let contentDrift = false;
    let derive: { readAndDerive: typeof ReadAndDerive; sanitizeContent: typeof SanitizeContent } | undefined;
    const contentOf = (article: Article): string => {
      const inMemory = contents.get(article.sourcePath);
      if (inMemory?.url === article.url) return inMemory.html;
      const entry = packed.get(article.sourcePath);
      const fromPack = entry?.url === article.url && pack ? pack.read(entry) : null;
      if (fromPack !== null) return fromPack;
      const again = (derive as NonNullable<typeof derive>).readAndDerive(articlesDir, article.sourcePath, false, config);
      const raw = again.ok && again.derived.kind === "article" ? again.derived.content : null;
      // A file changed since it was looked up: publish what it holds now, and let the next run look again.
      if (raw === null || hashText(raw) !== contentHashes.get(article.sourcePath)) contentDrift = true;
      const html = derive!.sanitizeContent(raw ?? "", article.url);
      contents.set(article.sourcePath, { url: article.url, html });
      return html;
    };
    let outline: SiteOutline | undefined;
    const plan = planSite(
      config,
      selection.published,
      selection.feedItems,
      { hashOf: (article) => contentHashes.get(article.sourcePath) ?? "", fieldsHashOf: (article) => fieldsHashes.get(article), contentOf },
      (planned) => (outline = planned),
    );
    /** Reads an article's content from the pack into memory unless it is there already; false when the pack does not hold it whole. */
    const prefetch = (article: Article): boolean => {
      if (contents.get(article.sourcePath)?.url === article.url) return true;
      const entry = packed.get(article.sourcePath);
      const html = entry?.url === article.url && pack ? pack.read(entry) : null;
      if (html === null) return false;
      contents.set(article.sourcePath, { url: article.url, html });
      return true;
    };
    const loadContents = async (articles: Article[]): Promise<void> => {
      if (articles.length === 0 || derive) return;
      // Needed when some content is not in memory: a pack entry may fail its check while rendering.
      if (articles.every((article) => contents.get(article.sourcePath)?.url === article.url)) return;
      // A run that renders a few files (an edit: the article's feeds) reads their content from
      // the pack now, and loads the derivers only if some entry fails; a run that renders many
      // keeps the memory and loads them, in case.
      if (articles.length <= PREFETCH_LIMIT && articles.every(prefetch)) return;
      const [{ readAndDerive }, { sanitizeContent }] = await Promise.all([import("./pipeline/derive-file.js"), import("./render/sanitize-content.js")]);
      derive = { readAndDerive, sanitizeContent };
    };
    const refused = (options.strict ?? false) && skipped.length + warnings.length > 0;
    // What this run found, reported now and kept in the build state for a later no-change run.
    const findings: StateSummary = {
      published: selection.published.map((article) => article.sourcePath),
      feedItems: selection.feedItems.length,
      drafts: selection.drafts.map((article) => article.sourcePath),
      scheduled: selection.scheduled.map((article) => ({ file: article.sourcePath, published: article.published })),
      skipped,
      warnings,
    };
    const rendered = refused ? null : await renderChanged(plan, (await fingerprint?.previousOutputs()) ?? null, outDir, loadContents, pagesByPath(prerendered), (await outputVersions) ?? null);
    const renderDone = clock();

    let files = { written: [] as string[], unchanged: [] as string[], removed: [] as string[] };
    if (fingerprint) await fingerprint.invalidate();
    if (rendered) {
      try {
        files = await publishFiles(outDir, rendered.toWrite, { keep: rendered.kept });
        // What publishing took is done with: let it go before the caches are written, where a
        // large build's memory peaks (at 100,000 articles, a record and a staged file per page).
        rendered.toWrite.clear();
        prerendered = prerendered.filter((page) => !rendered.usedPages.has(page));
        loadedArticles.pages.length = 0;
        rendered.usedPages.clear();
      } catch (error) {
        throw new PublishError(`cannot publish into ${outDir} (${(error as Error).message}); nothing there was changed; check that the folder is writable and has space.`);
      }
      if (cache) {
        // The cache only saves time: failing to write it is not a reason to fail the run.
        await cache.save().catch((error: Error) => warnings.push({ file: path.relative(articlesDir, cacheFile), message: `could not save the cache (${error.message}); the next run will be slower` }));
      }
      if (fingerprint) {
        await saveBuildState(fingerprint, {
          outDir,
          records: rendered.records,
          plan,
          ...(outline ? { outline } : {}),
          knownVersions: rendered.keptVersions,
          settled: pending.length === 0 && !contentDrift,
          now: clock(),
          selection: { published: selection.published, scheduled: selection.scheduled, drafts: selection.drafts, includeFuture: options.future ?? false },
          summary: findings,
        }).catch(() => {
          // Like the cache, the state only saves time; the next run simply does everything.
        });
      }
    }
    const websub =
      refused || options.websub === false
        ? { notified: [], warnings: [] }
        : await pingHubForBuild({ hubUrl: config.hub, siteUrl: config.siteUrl, changedFiles: files.written });
    const finished = clock();

    return {
      articlesDir,
      outDir,
      ...findings,
      pending,
      refused,
      files,
      websub,
      cache: { hits: (cache?.stats.hits ?? 0) + (cache?.stats.hashHits ?? 0), misses: cache?.stats.misses ?? 0 },
      upToDate: false,
      patched: false,
      workers: loadedArticles.workers,
      timings: { read: readDone - started, render: renderDone - readDone, write: finished - renderDone, total: finished - started },
    };
  } finally {
    await warm?.stop();
    pack?.close();
    // Pages rendered ahead that were not published (all of them if publishing failed).
    for (const page of prerendered) if (page.staged !== "unchanged") await stagedPageFile(page.relPath, page.staged, outDir).abort();
  }
}

/** Most articles whose content {@link buildLocked}'s `loadContents` reads ahead into memory (some 5 KB each). */
const PREFETCH_LIMIT = 200;

function pagesByPath(pages: PrerenderedPage[]): Map<string, PrerenderedPage[]> {
  const byPath = new Map<string, PrerenderedPage[]>();
  for (const page of pages) byPath.set(page.relPath, [...(byPath.get(page.relPath) ?? []), page]);
  return byPath;
}

function readNow(now: BuildOptions["now"]): number {
  if (now === undefined) return Date.now();
  const value = now instanceof Date ? now.getTime() : typeof now === "number" ? now : Date.parse(now);
  if (Number.isNaN(value)) throw new UsageError(`"${String(now)}" is not a date-time; write --now as ISO 8601, e.g. 2026-01-31T09:00:00Z.`);
  return value;
}
