import path from "node:path";
import type { Article, Diagnostic } from "./article.js";
import { loadConfig, type UserConfig } from "./config/load-config.js";
import { deriveArticle } from "./derive/derive-article.js";
import { PublishError, UsageError } from "./errors.js";
import { writeOutput } from "./publish/write-output.js";
import { findArticleFiles } from "./read/find-article-files.js";
import { INCOMPLETE_GRACE_MS, readSource } from "./read/read-source.js";
import { splitFrontMatter } from "./read/split-front-matter.js";
import { renderSite } from "./render/render-site.js";
import { disambiguate } from "./select/disambiguate.js";
import { selectArticles } from "./select/select-articles.js";

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
  /** The clock. Articles dated after it are scheduled, not published. Defaults to the real time. */
  now?: Date | string | number;
  /** Publish drafts too (for previews). */
  drafts?: boolean;
  /** Publish future-dated articles too (for previews). */
  future?: boolean;
  /** Treat every problem as fatal: when any file has one, write nothing. */
  strict?: boolean;
  /** The wall clock for file ages (settle time); defaults to `Date.now`. Separate from `now`, which is for scheduling. */
  clock?: () => number;
  /** Called as files are read, for progress displays. */
  onProgress?: (done: number, total: number) => void;
}

export interface BuildSummary {
  articlesDir: string;
  outDir: string;
  /** Source paths of the articles published, newest first. */
  published: string[];
  /** How many of them the feeds carry. */
  feedItems: number;
  drafts: string[];
  scheduled: Array<{ file: string; published: string }>;
  /** Files that could not be published, with why. */
  skipped: Diagnostic[];
  /** Problems in files that were still published. */
  warnings: Diagnostic[];
  /** Files that look mid-write (just modified, empty, cut off): left for a later run. Not problems. */
  pending: Diagnostic[];
  /** True when `strict` was set and problems were found: nothing was written. */
  refused: boolean;
  files: { written: string[]; unchanged: string[] };
  /** Milliseconds spent in each stage. */
  timings: { read: number; render: number; write: number; total: number };
}

/**
 * Publishes a folder of articles: reads every article file, derives its metadata, selects
 * what publishes now, renders RSS, Atom, JSON Feed and HTML pages, and writes them into the
 * output folder. Bad files are reported in the summary and skipped; the rest publishes.
 * Throws `UsageError` for configuration mistakes (nothing written) and `PublishError` when
 * the output cannot be written.
 */
export async function build(options: BuildOptions = {}): Promise<BuildSummary> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadConfig({
    cwd,
    ...(options.configFile ? { file: options.configFile } : {}),
    ...(options.config ? { values: options.config } : {}),
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
  const started = clock();

  let found;
  try {
    found = await findArticleFiles(articlesDir);
  } catch {
    throw new UsageError(`cannot read the articles folder ${articlesDir}: create it or pass --articles DIR.`);
  }

  const articles: Article[] = [];
  const skipped: Diagnostic[] = [...found.diagnostics];
  const warnings: Diagnostic[] = [];
  const pending: Diagnostic[] = [];
  const limits = { maxBytes: config.maxFileBytes, settleMs: config.settleSeconds * 1000, now: clock() };
  for (const [index, sourcePath] of found.files.entries()) {
    options.onProgress?.(index, found.files.length);
    const source = await readSource(articlesDir, sourcePath, limits);
    if (!source.ok) {
      (source.kind === "pending" ? pending : skipped).push(source.diagnostic);
      continue;
    }
    const split = splitFrontMatter(source.text);
    if (split.problems.some((problem) => problem.unclosed) && limits.now - source.mtimeMs < INCOMPLETE_GRACE_MS) {
      pending.push({ file: sourcePath, line: 1, message: "front matter is not closed yet, probably still being written; it will be published by a later run" });
      continue;
    }
    const result = deriveArticle(sourcePath, split, config);
    if (result.ok) {
      articles.push(result.article);
      warnings.push(...result.diagnostics);
    } else {
      skipped.push(...result.diagnostics);
    }
  }
  options.onProgress?.(found.files.length, found.files.length);
  const readDone = clock();

  const unique = disambiguate(articles);
  warnings.push(...unique.diagnostics);
  const selection = selectArticles(unique.articles, {
    now,
    includeDrafts: options.drafts ?? false,
    includeFuture: options.future ?? false,
    feedLimit: config.feedLimit,
  });

  const output = renderSite(config, selection.published, selection.feedItems);
  const renderDone = clock();
  const refused = (options.strict ?? false) && skipped.length + warnings.length > 0;
  let written = { written: [] as string[], unchanged: [] as string[] };
  if (!refused) {
    try {
      written = await writeOutput(outDir, output);
    } catch (error) {
      throw new PublishError(`cannot write to the output folder ${outDir} (${(error as Error).message}); check that it is writable.`);
    }
  }
  const finished = clock();

  return {
    articlesDir,
    outDir,
    published: selection.published.map((article) => article.sourcePath),
    feedItems: selection.feedItems.length,
    drafts: selection.drafts.map((article) => article.sourcePath),
    scheduled: selection.scheduled.map((article) => ({ file: article.sourcePath, published: article.published })),
    skipped,
    warnings,
    pending,
    refused,
    files: written,
    timings: { read: readDone - started, render: renderDone - readDone, write: finished - renderDone, total: finished - started },
  };
}

function readNow(now: BuildOptions["now"]): number {
  if (now === undefined) return Date.now();
  const value = now instanceof Date ? now.getTime() : typeof now === "number" ? now : Date.parse(now);
  if (Number.isNaN(value)) throw new UsageError(`"${String(now)}" is not a date-time; write --now as ISO 8601, e.g. 2026-01-31T09:00:00Z.`);
  return value;
}
