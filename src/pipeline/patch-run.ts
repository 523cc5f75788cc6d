import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { PublishError } from "../errors.js";
import { hashContent, peekCache, RACY_WINDOW_MS, type CacheKey, type StoredEntry } from "../publish/article-cache.js";
import { fileVersions, outputsAsRecorded, readOutputRecordsFile, sourcesDigest, writeBuildState, type BuildState, type FileVersion, type OutputRecords, type StateSummary } from "../publish/build-state.js";
import type { PublishResult } from "../publish/publish-files.js";
import { isRecent, judgeSourceStat, readLimits } from "../read/read-source.js";
import { articlePagePath, FEED_FILES, likelyTagUrl } from "../render/article-page-plan.js";
import { createPlanner, type ContentSource, type PlannedFile } from "../render/plan-site.js";
import { openContentPack, contentPackFile } from "./content-pack.js";
import { contentHash, racySources, type RunFingerprint } from "./fast-path.js";
import type { FileOutcome } from "./load-articles.js";

/**
 * A run for a few edited article bodies: when the article files that changed since the last
 * run are articles it published, and each one's fields (title, date, tags, summary, ...) and
 * problems are as before, only its page and the feeds that carry it can change. Those files
 * are planned again from the build state's records (which files show which articles, and
 * what each feed shows besides its items) and the cache entries of the articles they show,
 * read without parsing the rest of the cache; nothing else is planned, read or rendered.
 *
 * Every assumption is checked, and any doubt means null: the caller then does a full run,
 * whose output this run's equals byte for byte. In particular, each file planned here must
 * get the input key the last full plan recorded for it when given the articles' previous
 * content, which proves it was planned from the same inputs (an article moved by
 * disambiguation, a tag slug that clashes, a changed renderer: all show as another key).
 */

/** Most changed article files a patch run takes on; more go to a full run, which derives them in parallel. */
export const PATCH_LIMIT = 16;

export interface PatchRun {
  fingerprint: RunFingerprint;
  cacheFile: string;
  cacheKey: CacheKey;
  config: SiteConfig;
  articlesDir: string;
  outDir: string;
  /** The scheduling clock (`--now`): the state holds for a window of it. */
  now: number;
  /** The wall clock, for file ages. */
  clock: () => number;
  /** The run's `drafts` and `future` flags (the state is only ever for the same ones). */
  includeDrafts: boolean;
  includeFuture: boolean;
}

export interface PatchedRun {
  files: PublishResult;
  /** What the run found: the previous run's findings, which a patchable edit leaves as they were. */
  summary: StateSummary;
  /** Article files read again this run. */
  read: number;
}

type Outcome = Extract<FileOutcome, { kind: "article" }>;
type Entry = StoredEntry<FileOutcome>;

/**
 * Publishes a few edited articles without a full run, or returns null (having changed
 * nothing) when it cannot prove the result equals a full run's. See the module comment.
 */
export async function patchRun(run: PatchRun): Promise<PatchedRun | null> {
  const { fingerprint, config, outDir } = run;
  const state = fingerprint.previousState;
  const { found, stats } = fingerprint.listing;
  if (!state?.patchable || found.diagnostics.length > 0) return null;
  if ((state.validFrom !== null && run.now < state.validFrom) || (state.validUntil !== null && run.now >= state.validUntil)) return null;

  // What may have changed: files written since the state was saved, and files too fresh then to be trusted by their stat.
  const indexOf = new Map(found.files.map((relPath, index) => [relPath, index]));
  const candidates = new Set(fingerprint.changedSinceState ?? []);
  for (const relPath of state.racy) {
    const index = indexOf.get(relPath);
    if (index === undefined) return null;
    candidates.add(index);
  }
  if (candidates.size === 0 || candidates.size > PATCH_LIMIT) return null;
  const publishedIndex = new Map(state.summary.published.map((relPath, index) => [relPath, index]));
  const changed: Array<{ relPath: string; shown: number; version: FileVersion }> = [];
  const others: Array<{ relPath: string; version: FileVersion }> = [];
  for (const index of candidates) {
    const relPath = found.files[index] as string;
    const shown = publishedIndex.get(relPath);
    const version = stats[index];
    if (!version) return null;
    if (shown === undefined) others.push({ relPath, version });
    else changed.push({ relPath, shown, version });
  }
  // One file not published before: perhaps an article added (patch-add.ts). Other drafts,
  // scheduled and skipped files change what is published in ways only a full run works out.
  if (others.length > 0) return others.length === 1 && changed.length === 0 ? (await import("./patch-add.js")).patchAdd(run, state, others[0]!) : null;

  const records = await readOutputRecordsFile(fingerprint.stateFile, state);
  if (!records) return null;
  const changedShown = new Set(changed.map((file) => file.shown));
  let dependents: number[] = [];
  records.needs.forEach((needs, index) => {
    if (needs !== 0 && needs.some((shown) => changedShown.has(shown))) dependents.push(index);
  });
  const shownPaths = new Set<string>(changed.map((file) => file.relPath));
  for (const index of dependents) for (const shown of records.needs[index] as number[]) shownPaths.add(state.summary.published[shown] as string);

  const peek = await peekCache<FileOutcome>(run.cacheFile, run.cacheKey, shownPaths);
  if (!peek || peek.journalRoom < changed.length) return null;
  const shownEntries = publishedEntries(peek.entries, shownPaths, state);
  if (!shownEntries) return null;
  const articles = new Map([...shownEntries].map(([relPath, entry]) => [relPath, { entry, outcome: entry.value }]));

  // Exactly the candidates changed: with their versions as the cache knew them, the listing is the state's.
  const previousVersions = fingerprint.sourceVersions.slice();
  for (const file of changed) {
    const { entry } = articles.get(file.relPath) as { entry: Entry };
    previousVersions[indexOf.get(file.relPath) as number] = { size: entry.size, mtimeMs: entry.mtimeMs, ctimeMs: entry.ctimeMs, ino: entry.ino };
  }
  if (sourcesDigest(found.files.map((relPath, index) => [relPath, previousVersions[index] as FileVersion])) !== state.sources) return null;

  // Read each candidate again; one whose bytes are unchanged was only touched.
  const limits = readLimits(config, run.clock());
  const edits = new Map<string, { entry: Entry; outcome: Outcome; sanitized: string }>();
  const touched = new Map<string, Entry>();
  let derive: typeof import("./derive-file.js") | undefined;
  for (const file of changed) {
    const judged = judgeSourceStat(file.relPath, file.version, limits);
    if (!judged.ok) return null;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path.join(run.articlesDir, file.relPath));
    } catch {
      return null;
    }
    const previous = articles.get(file.relPath) as { entry: Entry; outcome: Outcome };
    const hash = hashContent(bytes);
    const stored = { ...file.version, hash, statTrusted: run.clock() - file.version.mtimeMs > RACY_WINDOW_MS };
    if (hash === previous.entry.hash) {
      touched.set(file.relPath, { ...previous.entry, ...stored });
      continue;
    }
    derive ??= await import("./derive-file.js");
    const derived = derive.deriveFileBytes(file.relPath, bytes, isRecent(file.version.mtimeMs, limits.now), config);
    if (derived.kind !== "article" || derived.outcome.kind !== "article") return null;
    const outcome = derived.outcome;
    if (outcome.fieldsHash !== previous.outcome.fieldsHash || !sameProblems(outcome.diagnostics, previous.outcome.diagnostics)) return null;
    edits.set(file.relPath, { entry: { ...stored, value: outcome }, outcome, sanitized: derived.sanitized });
  }

  // Only the files showing an article whose content changed can change.
  const editedShown = new Set(changed.filter((file) => edits.has(file.relPath)).map((file) => file.shown));
  dependents = dependents.filter((index) => (records.needs[index] as number[]).some((shown) => editedShown.has(shown)));

  // Every output file must still be as the last run left it: a file changed behind its back is restored by a full run.
  const outBase = outDir.endsWith(path.sep) ? outDir : outDir + path.sep;
  if (!outputsAsRecorded(state, outDir)) return null;

  const pack = openContentPack(contentPackFile(run.cacheFile), { fresh: false });
  try {
    // Content of the articles shown, read up front: a pack entry that does not read back whole is a full run's job.
    const contents = new Map<string, string>();
    for (const [relPath, { outcome }] of articles) {
      const edit = edits.get(relPath);
      const html = edit ? edit.sanitized : outcome.packed?.url === outcome.article.url ? pack.read(outcome.packed) : null;
      if (html === null) return null;
      contents.set(relPath, html);
    }
    const articleOf = (relPath: string): Article => (articles.get(relPath) as { outcome: Outcome }).outcome.article;
    const plan = (content: ContentSource): Map<string, PlannedFile> | null => planDependents(config, state, records, dependents, articleOf, content);
    const fieldsHashOf = (article: Article) => (articles.get(article.sourcePath) as { outcome: Outcome }).outcome.fieldsHash;
    const before = plan({ hashOf: (article) => (articles.get(article.sourcePath) as { outcome: Outcome }).outcome.contentHash, fieldsHashOf, contentOf: () => "" });
    if (!before || dependents.some((index) => before.get(state.outputs.paths[index] as string)?.key !== records.keys[index])) return null;
    const after = plan({
      hashOf: (article) => (edits.get(article.sourcePath) ?? (articles.get(article.sourcePath) as { outcome: Outcome })).outcome.contentHash,
      fieldsHashOf,
      contentOf: (article) => contents.get(article.sourcePath) as string,
    });
    if (!after) return null;

    // From here on the run commits: the state goes first, so a run killed part-way is never taken for a finished one.
    await fingerprint.invalidate();
    const hashes = records.hashes.slice();
    const keys = records.keys.slice();
    const toWrite = new Map<string, () => string | string[] | null>();
    for (const index of dependents) {
      const relPath = state.outputs.paths[index] as string;
      const planned = after.get(relPath) as PlannedFile;
      keys[index] = planned.key;
      toWrite.set(relPath, () => {
        const content = planned.render();
        const hash = contentHash(content);
        if (hash === records.hashes[index]) return null;
        hashes[index] = hash;
        return content;
      });
    }
    const files = await publishPatch(outDir, toWrite, state.outputs.paths);

    // The cache learns the edits (their content appended to the pack) and the touched files' new stats.
    const cacheChanges: Array<[string, Entry]> = [...touched];
    for (const [relPath, edit] of edits) {
      const packed = pack.append(edit.sanitized, edit.outcome.article.url);
      cacheChanges.push([relPath, { ...edit.entry, value: { ...edit.outcome, packed } }]);
    }
    // Like a full run's, the cache and the state only save time: failing to write them fails nothing.
    await peek.append(cacheChanges).catch(() => {});
    const written = new Set(files.written);
    const newVersions = fileVersions(files.written.map((relPath) => outBase + relPath));
    const versions = state.outputs.versions.slice();
    let complete = true;
    state.outputs.paths.forEach((relPath, index) => {
      if (!written.has(relPath)) return;
      const version = newVersions[files.written.indexOf(relPath)];
      if (!version) complete = false;
      else versions.splice(index * 4, 4, version.size, version.mtimeMs, version.ctimeMs, version.ino);
    });
    if (complete) {
      const now = run.clock();
      const racy = racySources(fingerprint, now);
      const next: BuildState = { ...state, sources: fingerprint.sources, settled: racy.length === 0, patchable: true, racy, outputs: { paths: state.outputs.paths, versions }, recordsId: randomId() };
      await writeBuildState(fingerprint.stateFile, next, { ...records, id: next.recordsId, hashes, keys }).catch(() => {});
    }
    return { files, summary: state.summary, read: changed.length };
  } finally {
    pack.close();
  }
}

/**
 * Plans the output files at `dependents` (indexes into the state's outputs): article pages
 * and feeds, each from the articles its record says it shows. Null for a file of another kind.
 */
function planDependents(
  config: SiteConfig,
  state: BuildState,
  records: OutputRecords,
  dependents: number[],
  articleOf: (relPath: string) => Article,
  content: ContentSource,
): Map<string, PlannedFile> | null {
  const planner = createPlanner(config, content);
  const feedNames = new Set<string>(Object.values(FEED_FILES));
  const tagUrl = (tag: string) => likelyTagUrl(tag, planner.base);
  for (const index of dependents) {
    const relPath = state.outputs.paths[index] as string;
    if (planner.files.has(relPath)) continue;
    const shown = (records.needs[index] as number[]).map((shownIndex) => articleOf(state.summary.published[shownIndex] as string));
    const slash = relPath.lastIndexOf("/") + 1;
    const folder = relPath.slice(0, slash);
    const spec = records.feeds[folder];
    if (spec && feedNames.has(relPath.slice(slash))) planner.planFeeds({ folder, ...spec }, shown);
    else if (shown.length === 1 && articlePagePath(shown[0] as Article) === relPath) planner.planPage(shown[0] as Article, tagUrl);
    else return null;
  }
  return planner.files;
}

/**
 * The cache entries of `relPaths`, each an article published as it was derived, with its
 * content packed; null when one is not (missing, skipped, or moved by disambiguation: the
 * state's findings hold every problem of the file, and a disambiguated article one more).
 */
export function publishedEntries(
  entries: Map<string, StoredEntry<FileOutcome>>,
  relPaths: Iterable<string>,
  state: BuildState,
): Map<string, StoredEntry<FileOutcome> & { value: Outcome }> | null {
  const found = new Map<string, StoredEntry<FileOutcome> & { value: Outcome }>();
  for (const relPath of relPaths) {
    const entry = entries.get(relPath);
    if (entry?.value.kind !== "article" || !entry.value.packed) return null;
    if (!sameProblems(state.summary.warnings.filter((warning) => warning.file === relPath), entry.value.diagnostics)) return null;
    found.set(relPath, entry as StoredEntry<FileOutcome> & { value: Outcome });
  }
  return found;
}

/** Publishes `toWrite`, keeping every other file of `outputs`; a failure is a {@link PublishError}, with out/ as it was. */
export async function publishPatch(outDir: string, toWrite: Map<string, () => string | string[] | null>, outputs: string[]): Promise<PublishResult> {
  const { publishFiles } = await import("../publish/publish-files.js");
  try {
    return await publishFiles(outDir, toWrite, { keep: outputs.filter((relPath) => !toWrite.has(relPath)) });
  } catch (error) {
    throw new PublishError(`cannot publish into ${outDir} (${(error as Error).message}); nothing there was changed; check that the folder is writable and has space.`);
  }
}

/** Whether two lists of problems are the same, in the same order. */
export function sameProblems(a: unknown[], b: unknown[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function randomId(): string {
  return randomBytes(8).toString("hex");
}
